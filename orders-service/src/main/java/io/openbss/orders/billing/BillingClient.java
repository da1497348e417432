package io.openbss.orders.billing;

import io.openbss.common.remote.Refusal;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * billing-service, called with a timeout, retries and a circuit breaker. Every call is a read or carries an
 * idempotency key, so a retry never charges twice. A {@link Refusal} is billing's final answer; any other failure
 * means the outcome is unknown.
 */
@ApplicationScoped
public class BillingClient {

    /** The circuit breaker of every call to billing-service, by this name in {@code /q/health/well}. */
    public static final String BREAKER = "billing-service";

    @Inject
    @RestClient
    BillingApi api;

    public Uni<BillingModels.RatedProducts> ratePeriod(BillingModels.PeriodRating rating) {
        return guarded(() -> api.ratePeriod(rating));
    }

    public Uni<BillingModels.Charged> charge(BillingModels.Charge charge) {
        return guarded(() -> api.charge(charge));
    }

    public Uni<BillingModels.Charged> refund(BillingModels.Refund refund) {
        return guarded(() -> api.refund(refund));
    }

    public Uni<JsonObject> applicableCoupons(BillingModels.ApplicableCoupons query) {
        return guarded(() -> api.applicableCoupons(query));
    }

    /**
     * One call to billing-service, under the one circuit breaker of the service: billing is up or down as a whole,
     * so every call counts towards opening it and one successful trial closes it for all. Once open, it lets a trial
     * call through after a second, so that callers are served again within about a second of billing being back.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = Refusal.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = Refusal.class)
    @CircuitBreakerName(BREAKER)
    <T> Uni<T> guarded(Supplier<Uni<T>> call) {
        return RemoteErrors.classified(BREAKER, Uni.createFrom().deferred(call::get));
    }
}
