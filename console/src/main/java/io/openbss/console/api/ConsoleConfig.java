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
}
