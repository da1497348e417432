package io.openbss.orders.billing;

import io.openbss.common.remote.Refusal;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
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
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = Refusal.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        skipOn = Refusal.class)
public class BillingClient {

    @Inject
    @RestClient
    BillingApi api;

    public Uni<BillingModels.RatedProducts> ratePeriod(BillingModels.PeriodRating rating) {
        return RemoteErrors.classified("billing-service", api.ratePeriod(rating));
    }

    public Uni<BillingModels.Charged> charge(BillingModels.Charge charge) {
        return RemoteErrors.classified("billing-service", api.charge(charge));
    }

    public Uni<BillingModels.Charged> refund(BillingModels.Refund refund) {
        return RemoteErrors.classified("billing-service", api.refund(refund));
    }

    public Uni<JsonObject> applicableCoupons(BillingModels.ApplicableCoupons query) {
        return RemoteErrors.classified("billing-service", api.applicableCoupons(query));
    }

}
