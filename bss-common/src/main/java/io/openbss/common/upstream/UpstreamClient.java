package io.openbss.common.upstream;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Calls to the upstream through the gateway's egress. A request that may be sent twice (a view, or a write naming
 * its idempotency key) is sent again when no answer or a failing one came; any other write is sent once. Either way
 * the caller gets the upstream's answer unchanged, or {@link UpstreamUnreachable} when none came.
 */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class UpstreamClient {

    /** Build property that a service sets to serve linked accounts through the upstream. */
    public static final String ENABLED = "bss.upstream.enabled";

    @Inject
    UpstreamGuard guard;

    /** Sends a request that must not be repeated: a write without an idempotency key. */
    public Uni<UpstreamAnswer> once(UpstreamRequest request) {
        return answered(guard.send(request));
    }

    /** Sends a view or a keyed write, again after a lost or failing answer. */
    public Uni<UpstreamAnswer> repeatable(UpstreamRequest request) {
        return answered(resent(request));
    }

    /**
     * Retries wrap the guard, so that each attempt passes the breaker and counts in it; called on this bean, whose
     * self-invocations ArC intercepts.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamFailure.class,
            abortOn = {UpstreamFailure.Throttled.class, CircuitBreakerOpenException.class, BulkheadException.class})
    Uni<UpstreamAnswer> resent(UpstreamRequest request) {
        return guard.send(request);
    }

    private static Uni<UpstreamAnswer> answered(Uni<UpstreamAnswer> call) {
        return call.onFailure().recoverWithUni(failure -> {
            if (failure instanceof UpstreamFailure upstream && upstream.answer() != null) {
                return Uni.createFrom().item(upstream.answer());
            }
            if (failure instanceof CircuitBreakerOpenException) {
                return Uni.createFrom().failure(new UpstreamUnreachable("the upstream's circuit breaker is open",
                        true));
            }
            if (failure instanceof BulkheadException) {
                return Uni.createFrom().failure(new UpstreamUnreachable("too many calls to the upstream at once",
                        true));
            }
            return Uni.createFrom().failure(new UpstreamUnreachable("no answer from the upstream: " + failure, false));
        });
    }
}
