package io.openbss.common.identity;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The key a service signs its calls to other services with (a part of the service's own config mapping). */
public interface InternalKeyConfig {

    /** PEM text of the RSA private key (tests); otherwise {@link #privateKeyLocation()}. */
    Optional<String> privateKey();

    Optional<String> privateKeyLocation();

    @WithDefault("PT10M")
    Duration lifespan();
}
