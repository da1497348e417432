package io.openbss.enterprise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** enterprise-service's own settings ({@code bss.enterprise.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "bss.enterprise")
public interface EnterpriseConfig {

    /** The key this service signs its calls to billing-service and the gateway with. */
    InternalTokenConfig internalToken();

    Reconciler reconciler();

    Sms sms();

    interface InternalTokenConfig {
        /** PEM text of the RSA private key (tests); otherwise {@link #privateKeyLocation()}. */
        Optional<String> privateKey();

        Optional<String> privateKeyLocation();

        @WithDefault("PT10M")
        Duration lifespan();
    }

    interface Reconciler {
        /** How often pending transfers and creations are retried (read by the schedules). */
        @WithDefault("10s")
        String interval();

        @WithDefault("5s")
        String delay();

        /** How long a request may still be finishing its own transfer before the reconciler takes it over. */
        @WithDefault("PT30S")
        Duration grace();

        /** The longest wait between two attempts at a pending transfer. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        @WithDefault("50")
        int batchSize();
    }

    interface Sms {
        /** {@code file}: codes are appended to {@link #outbox()} (local runs); {@code webhook}: POSTed to a gateway. */
        @WithDefault("file")
        String sender();

        Optional<String> outbox();

        Optional<String> webhookUrl();

        /** At most one code per phone number in this interval. */
        @WithDefault("PT60S")
        Duration resendInterval();

        @WithDefault("10")
        int perPhonePerHour();

        /** Wrong codes tried before a code is spent. */
        @WithDefault("5")
        int maxAttempts();
    }
}
