package io.openbss.orders;

import io.openbss.common.identity.InternalKeyConfig;
import io.openbss.common.remote.ReconcilerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** orders-service's own settings ({@code bss.orders.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "bss.orders")
public interface OrdersConfig {

    /** The key this service signs its calls to billing-service with. */
    InternalKeyConfig internalToken();

    /** The payments' reconciler (and when the refund orders' one runs). */
    ReconcilerConfig reconciler();

    /** How the reconciler sends refund orders that an outage left processing to billing again. */
    RefundRetries refunds();

    /** How long a new order waits for its payment before it is cancelled. */
    @WithDefault("P7D")
    Duration paymentWindow();

    /** How long an expired resource is kept (its retention period) before it is deleted. */
    @WithDefault("P15D")
    Duration retention();

    /** How often resources are driven through time (auto-renewal, expiry, deletion). */
    Schedule lifecycle();

    /** How often unpaid orders past their payment window are cancelled. */
    Schedule cancelUnpaid();

    interface RefundRetries {
        /** How long the unsubscription may still be sending a refund order before the reconciler takes it over. */
        @WithDefault("PT30S")
        Duration grace();

        /** The wait after an attempt, doubled after each further one; none by default: every run sends it again. */
        @WithDefault("PT0S")
        Duration backoff();

        @WithDefault("PT0S")
        Duration maxBackoff();

        @WithDefault("50")
        int batchSize();

        /** After this many attempts a refund order is left to an operator; without it, never. */
        OptionalInt maxAttempts();
    }

    interface Schedule {
        @WithDefault("60s")
        String interval();
    }
}
