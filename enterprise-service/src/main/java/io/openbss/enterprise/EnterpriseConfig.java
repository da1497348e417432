package io.openbss.enterprise;

import io.openbss.common.identity.InternalKeyConfig;
import io.openbss.common.remote.ReconcilerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** enterprise-service's own settings ({@code bss.enterprise.*}); the README's configuration table lists them. */
@ConfigMapping(prefix = "bss.enterprise")
public interface EnterpriseConfig {

    /** The key this service signs its calls to billing-service and the gateway with. */
    InternalKeyConfig internalToken();

    ReconcilerConfig reconciler();

    Sms sms();

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
