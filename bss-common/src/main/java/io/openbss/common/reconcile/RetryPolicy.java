package io.openbss.common.reconcile;

import io.openbss.common.remote.ReconcilerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a reconciler paces its attempts at one piece of half-done work: the first attempt comes {@code grace} after
 * the work was recorded (the request that recorded it may still be finishing it); each attempt then puts the next
 * one {@code backoff} away, doubled with every attempt made, at most {@code maxBackoff}; after {@code maxAttempts}
 * attempts, when set, the reconciler gives up and leaves the work pending for an operator.
 */
public record RetryPolicy(int batchSize, Duration grace, Duration backoff, Duration maxBackoff,
        OptionalInt maxAttempts) {

    /** The wait stops doubling after this many attempts (it has long reached any sensible maximum by then). */
    static final int MAX_DOUBLINGS = 16;

    public RetryPolicy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (grace.isNegative() || backoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
        if (maxAttempts.isPresent() && maxAttempts.getAsInt() < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
    }

    /** A service's reconciler settings; without a backoff of its own the grace is the first wait. */
    public static RetryPolicy of(ReconcilerConfig config) {
        return new RetryPolicy(config.batchSize(), config.grace(), config.backoff().orElse(config.grace()),
                config.maxBackoff(), config.maxAttempts());
    }

    /** The wait before the next attempt, once {@code attemptsMade} attempts were made before this one. */
    public Duration waitAfter(int attemptsMade) {
        return Duration.ofMillis(Math.round(seconds(attemptsMade) * 1000));
    }

    /** Whether the work has had all the attempts it gets. */
    public boolean exhausted(int attempts) {
        return maxAttempts.isPresent() && attempts >= maxAttempts.getAsInt();
    }

    /** {@link #waitAfter} in seconds for 0 to {@link #MAX_DOUBLINGS} attempts made: what the claim reads from. */
    List<Double> schedule() {
        List<Double> waits = new ArrayList<>();
        for (int attempts = 0; attempts <= MAX_DOUBLINGS; attempts++) {
            waits.add(seconds(attempts));
        }
        return waits;
    }

    private double seconds(int attemptsMade) {
        double doubled = backoff.toMillis() / 1000.0 * Math.pow(2, Math.min(Math.max(attemptsMade, 0), MAX_DOUBLINGS));
        return Math.min(maxBackoff.toMillis() / 1000.0, doubled);
    }
}
