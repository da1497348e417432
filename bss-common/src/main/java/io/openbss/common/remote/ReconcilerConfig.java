package io.openbss.common.remote;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** How a service's reconciler finishes work whose outcome a crash or an outage left unknown. */
public interface ReconcilerConfig {

    /** How often it runs (read by the schedules). */
    @WithDefault("10s")
    String interval();

    @WithDefault("5s")
    String delay();

    /** How long a request may still be finishing its own work before the reconciler takes it over. */
    @WithDefault("PT30S")
    Duration grace();

    /** The wait after the first attempt, doubled after each further one; the grace when not set. */
    Optional<Duration> backoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT5M")
    Duration maxBackoff();

    @WithDefault("50")
    int batchSize();

    /** After this many attempts the work is left to an operator; without it the reconciler never gives up. */
    OptionalInt maxAttempts();
}
