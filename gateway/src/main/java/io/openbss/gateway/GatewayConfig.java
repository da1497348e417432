package io.openbss.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway is told from outside (bss.gateway.*). */
@ConfigMapping(prefix = "bss.gateway")
public interface GatewayConfig {

    /** The port of the public BSS API; the Quarkus HTTP port serves the admin API, health and metrics. */
    int publicPort();

    @WithDefault("0.0.0.0")
    String publicHost();

    /** Base URL of each service, by the service name of the operation table (orders, billing, enterprise). */
    Map<String, String> services();

    /** Base64 of the 32-byte AES key that encrypts secret keys at rest. */
    String skEncryptionKey();

    /** The bearer token of the admin API. */
    String adminToken();

    InternalTokenConfig internalToken();

    /** How many accounts may be bound to one mobile phone (sub-accounts sharing their master's phone). */
    @WithDefault("5")
    int accountsPerMobilePhone();

    SignatureConfig signature();

    /** Largest request body accepted (12 MB, as Huawei's API gateway). */
    @WithDefault("12582912")
    int maxBodyBytes();

    /** How long a backend may take to answer before the client gets 504. */
    @WithDefault("PT30S")
    Duration backendTimeout();

    /** How long credentials stay cached; a disabled key may still pass on another replica for this long. */
    @WithDefault("PT30S")
    Duration credentialCacheTtl();

    AuditConfig audit();

    TokensConfig tokens();

    interface TokensConfig {

        /** How long an X-Auth-Token is valid (24 hours, as IAM's). */
        @WithDefault("PT24H")
        Duration lifetime();
    }

    interface InternalTokenConfig {

        /** PEM (PKCS#8) RSA private key that signs internal identity tokens. */
        Optional<String> privateKeyLocation();

        /** The key itself, PEM, instead of a location (tests). */
        Optional<String> privateKey();

        @WithDefault("PT5M")
        Duration lifespan();
    }

    interface AuditConfig {

        /**
         * How long the answer to a state-changing call waits for its audit record to be written; past that the
         * client is answered and the write goes on (counted in bss.gateway.audit.write.timeouts).
         */
        @WithDefault("PT2S")
        Duration writeTimeout();
    }

    interface SignatureConfig {

        @WithDefault("PT15M")
        Duration maxSkew();

        /** More consecutive failures than this lock an access key. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT5M")
        Duration lockout();
    }
}
