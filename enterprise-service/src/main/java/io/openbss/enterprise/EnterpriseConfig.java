package io.openbss.enterprise;

import io.openbss.common.identity.InternalKeyConfig;
import io.openbss.common.remote.ReconcilerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** enterprise-service's own settings ({@code bss.enterprise.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "bss.enterprise")
public interface EnterpriseConfig {

    /** The key this service signs its calls to billing-service and the gateway with. */
    InternalKeyConfig internalToken();

    /** The transfers' reconciler (and when the sub-account creations' one runs). */
    ReconcilerConfig reconciler();

    /** How the reconciler finishes sub-account creations that a crash or an outage interrupted. */
    CreationRetries subAccountCreations();

    Sms sms();

    interface CreationRetries {
        /** How long the request may still be creating the sub-account before the reconciler takes it over. */
        @WithDefault("PT30S")
        Duration grace();

        /** The wait after an attempt, doubled after each further one. */
        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        @WithDefault("20")
        int batchSize();

        /** After this many attempts a creation is left to an operator; without it, never. */
        OptionalInt maxAttempts();
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
