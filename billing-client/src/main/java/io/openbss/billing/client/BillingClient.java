package io.openbss.billing.client;

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
 * idempotency key, so retrying one never moves money twice. A {@link Refusal} is billing's final answer and is
 * neither retried nor counted against the circuit; any other failure means the outcome is unknown.
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

    /** billing's answer as it is: it has the SDK's shape (ListOrderCouponsByOrderIdResponse). */
    public Uni<JsonObject> applicableCoupons(BillingModels.ApplicableCoupons query) {
        return guarded(() -> api.applicableCoupons(query));
    }

    public Uni<BillingModels.Posted> transfer(BillingModels.Transfer transfer) {
        return guarded(() -> api.transfer(transfer));
    }

    public Uni<BillingModels.IssuedCoupon> transferCoupon(String couponId, BillingModels.CouponTransfer transfer) {
        return guarded(() -> api.transferCoupon(couponId, transfer));
    }

    public Uni<BillingModels.ReclaimedCoupon> reclaimCoupon(String couponId, BillingModels.CouponReclaim reclaim) {
        return guarded(() -> api.reclaimCoupon(couponId, reclaim));
    }

    public Uni<BillingModels.Funds> funds(String customerId) {
        return guarded(() -> api.funds(customerId));
    }

    public Uni<BillingModels.CouponPage> transferableCoupons(String customerId, int offset, int limit) {
        return guarded(() -> api.transferableCoupons(customerId, offset, limit));
    }

    public Uni<BillingModels.CouponPage> receivedCoupons(String customerId, String fromCustomerId, int offset,
            int limit) {
        return guarded(() -> api.receivedCoupons(customerId, fromCustomerId, offset, limit));
    }

    /** Registers a new customer with billing and its association with its master; both are idempotent PUTs. */
    public Uni<Void> register(String customerId, String customerName) {
        return guarded(() -> api.register(customerId, new BillingModels.Registration(customerName))
                .replaceWithVoid());
    }

    public Uni<Void> associate(String subCustomerId, BillingModels.Association association) {
        return guarded(() -> api.associate(subCustomerId, association).replaceWithVoid());
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
