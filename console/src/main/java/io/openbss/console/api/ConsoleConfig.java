package io.openbss.console.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the console finds the platform, and how long its sessions last. */
@ConfigMapping(prefix = "bss.console")
public interface ConsoleConfig {

    /** The gateway's public API, as SDK clients call it. */
    URI gatewayUrl();

    /** The gateway's admin API, for operators. */
    URI adminUrl();

    /** A session ends after this long without a request (and at the latest when its token expires). */
    @WithDefault("30M")
    Duration sessionIdle();

    /** How long one API call may take before the page shows an outage. */
    @WithDefault("10S")
    Duration callTimeout();

    SessionsConfig sessions();

    /** Where sessions are kept: in this process, or in Redis so that several replicas share them. */
    interface SessionsConfig {

        enum Store {
            MEMORY,
            REDIS
        }

        @WithDefault("memory")
        Store store();

        /**
         * With the Redis store, the AES-256 key (base64 of 32 bytes) that seals each session there: Redis never
         * holds a token in clear, nor a cookie's value.
         */
        java.util.Optional<String> key();

        /** How long a Redis command may take before the request is answered as if the session were gone. */
        @WithDefault("2S")
        Duration redisTimeout();
    }
}
