package io.openbss.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

    /**
     * How many bytes of request bodies the gateway holds at once (default: an eighth of the heap, at least
     * {@link #maxBodyBytes}); a call whose body would go beyond is refused with 503 and may be sent again.
     */
    Optional<Long> bodiesInFlightBytes();

    /**
     * How long a body may take to arrive, from the request's headers to its last byte; a slower one is refused with
     * 408 and gives back what it held of the bodies' budget.
     */
    @WithDefault("PT60S")
    Duration bodyReadTimeout();

    /** How long a backend may take to answer before the client gets 504. */
    @WithDefault("PT30S")
    Duration backendTimeout();

    /** How long credentials stay cached; a disabled key may still pass on another replica for this long. */
    @WithDefault("PT30S")
    Duration credentialCacheTtl();

    AuditConfig audit();

    RateLimitsConfig rateLimits();

    /**
     * Addresses or CIDR ranges of the reverse proxies in front of the gateway. A request whose connection comes from
     * one of them is attributed to the last address in {@code X-Forwarded-For} that is not a trusted proxy; any other
     * request to its connection's address, whatever headers it sends.
     */
    Optional<List<String>> trustedProxies();

    TokensConfig tokens();

    UpstreamConfig upstream();

    /** Upstream mode: how the egress calls the upstream BSS of linked accounts (docs/upstream-mode.md). */
    interface UpstreamConfig {

        /** The endpoint a link names when the operator gives none: the public BSS. */
        @WithDefault("https://bss.myhuaweicloud.com")
        String defaultEndpoint();

        /** How long a call may wait for its upstream quota before it is refused with 429 APIG.0308. */
        @WithDefault("PT1S")
        Duration maxWait();

        /** Per-second upstream quotas by operation name, instead of the operation table's (the public cloud's). */
        Map<String, Integer> limits();

        /**
         * How long the upstream may take to answer before the service gets 504: with the quota's wait, within the
         * services' own timeout of an upstream call (10 s), so that they hear the egress's answer.
         */
        @WithDefault("PT8S")
        Duration timeout();
    }

    interface RateLimitsConfig {

        /** Off only for test platforms that call faster than a customer may; on in every real deployment. */
        @WithDefault("true")
        boolean enabled();

        /** Where the counters live: {@code memory} (one gateway) or {@code redis} (replicas share quotas). */
        @WithDefault("memory")
        Store store();

        /** Per-second quotas by operation name, instead of the operation table's. */
        Map<String, Integer> operations();

        /**
         * Per-second quotas of one account (by account id), by operation name or {@code *} for all its operations;
         * they apply to both quotas of that account's requests: its own and its address's.
         */
        Map<String, Map<String, Integer>> accounts();

        /** What the gateway does when Redis does not answer: {@code open} admits uncounted, {@code closed} refuses. */
        @WithDefault("open")
        RedisFailure redisFailure();

        /**
         * How long a Redis check may take before it counts as a Redis failure. A refused connection fails at once;
         * this bounds a Redis that hangs. Too short, and a loaded machine admits uncounted (fail-open).
         */
        @WithDefault("PT1S")
        Duration redisTimeout();

        enum Store { MEMORY, REDIS }

        enum RedisFailure { OPEN, CLOSED }
    }

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
