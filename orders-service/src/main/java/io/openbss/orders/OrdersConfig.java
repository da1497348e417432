package io.openbss.orders;

import io.openbss.common.identity.InternalKeyConfig;
import io.openbss.common.remote.ReconcilerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** orders-service's own settings ({@code bss.orders.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "bss.orders")
public interface OrdersConfig {

    /** The key this service signs its calls to billing-service with. */
    InternalKeyConfig internalToken();

    ReconcilerConfig reconciler();

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

    interface Schedule {
        @WithDefault("60s")
        String interval();
    }
}
