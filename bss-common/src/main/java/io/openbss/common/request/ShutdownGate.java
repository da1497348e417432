package io.openbss.common.request;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Whether this process still takes requests. On SIGTERM Quarkus turns readiness DOWN at once
 * ({@code quarkus.shutdown.delay-enabled}) and goes on serving for {@code quarkus.shutdown.delay}
 * ({@code BSS_SHUTDOWN_DELAY}), so that load balancers stop sending; then the gate closes: a request that arrives
 * is refused with 503 and not performed, while those in flight get {@code quarkus.shutdown.timeout}
 * ({@code BSS_SHUTDOWN_TIMEOUT}) to finish. Without the refusal, a caller that keeps sending (a gateway in front of
 * one replica) would keep the drain from ending, and the timeout would cut the requests in flight.
 */
@Singleton
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private final Duration delay;
    private final Duration timeout;
    /** {@link System#nanoTime()} from which requests are refused; meaningful once {@link #initiated}. */
    private volatile long closesAt;
    private volatile boolean initiated;

    @Inject
    public ShutdownGate(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay,
            @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout) {
        this.delay = delay.orElse(Duration.ZERO);
        this.timeout = timeout.orElse(Duration.ZERO);
    }

    /** Quarkus' pre-shutdown: readiness is DOWN now; the gate closes once the delay has passed. */
    void shutdownInitiated(@Observes ShutdownDelayInitiatedEvent event) {
        close(delay);
    }

    /** Closes the gate after {@code after}, unless it is closed or closing already. */
    public synchronized void close(Duration after) {
        if (!initiated) {
            closesAt = System.nanoTime() + after.toNanos();
            initiated = true;
            LOG.infof("shutting down: new requests are refused from %d ms on; those in flight get %d ms to finish",
                    after.toMillis(), timeout.toMillis());
        }
    }

    public boolean closed() {
        return initiated && System.nanoTime() - closesAt >= 0;
    }

    /** How much of the shutdown timeout is left to the requests in flight (all of it while the gate is open). */
    public Duration drainLeft() {
        if (!initiated) {
            return timeout;
        }
        long spent = Math.max(0, System.nanoTime() - closesAt);
        return timeout.minusNanos(spent).isNegative() ? Duration.ZERO : timeout.minusNanos(spent);
    }

    /** The services' REST endpoints (and the gateway's admin API) refuse new requests once the gate is closed. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void refuseWhenClosed() {
        if (closed()) {
            throw new BssException(ErrorCode.SHUTTING_DOWN, "The service is shutting down: the request was not "
                    + "performed; send it again");
        }
    }
}
