package io.openbss.common.upstream;

import io.openbss.common.remote.ReconcilerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Upstream mode of a service ({@code bss.upstream.*}): where the gateway's egress is and how the reconciler resends
 * the money calls whose answer was lost. Timeouts, retries, the breaker and the bulkhead are the fault-tolerance
 * annotations' values, each overridable by MicroProfile Fault Tolerance's own properties (docs/upstream-mode.md).
 */
@ConfigMapping(prefix = "bss.upstream")
public interface UpstreamConfig {

    /**
     * Whether this service serves linked accounts through the upstream: read when the service is built
     * ({@link UpstreamClient#ENABLED}), listed here so that the setting is known.
     */
    @WithDefault("false")
    boolean enabled();

    /** The gateway's admin port, which serves {@code /internal/upstream} ({@code BSS_GATEWAY_ADMIN_URL}). */
    @WithDefault("http://localhost:8081")
    String url();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** The reconciler of money calls whose answer was lost. */
    ReconcilerConfig reconciler();
}
