package io.openbss.enterprise.billing;

import io.openbss.common.remote.Refusal;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * billing-service, called with a timeout, retries and a circuit breaker. Every call here is a read or carries an
 * idempotency key, so retrying one never moves money twice. A {@link Refusal} is billing's final answer and is
 * neither retried nor counted against the circuit; any other failure means the outcome is unknown.
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

    public Uni<BillingModels.Posted> transfer(BillingModels.Transfer transfer) {
        return RemoteErrors.classified("billing-service", api.transfer(transfer));
    }

    public Uni<BillingModels.IssuedCoupon> transferCoupon(String couponId, BillingModels.CouponTransfer transfer) {
        return RemoteErrors.classified("billing-service", api.transferCoupon(couponId, transfer));
    }

    public Uni<BillingModels.ReclaimedCoupon> reclaimCoupon(String couponId, BillingModels.CouponReclaim reclaim) {
        return RemoteErrors.classified("billing-service", api.reclaimCoupon(couponId, reclaim));
    }

    public Uni<BillingModels.Funds> funds(String customerId) {
        return RemoteErrors.classified("billing-service", api.funds(customerId));
    }

    public Uni<BillingModels.CouponPage> transferableCoupons(String customerId, int offset, int limit) {
        return RemoteErrors.classified("billing-service", api.transferableCoupons(customerId, offset, limit));
    }

    public Uni<BillingModels.CouponPage> receivedCoupons(String customerId, String fromCustomerId, int offset,
            int limit) {
        return RemoteErrors.classified("billing-service",
                api.receivedCoupons(customerId, fromCustomerId, offset, limit));
    }

    /** Registers a new customer with billing and its association with its master; both are idempotent PUTs. */
    public Uni<Void> register(String customerId, String customerName) {
        return RemoteErrors.classified("billing-service",
                api.register(customerId, new BillingModels.Registration(customerName)).replaceWithVoid());
    }

    public Uni<Void> associate(String subCustomerId, BillingModels.Association association) {
        return RemoteErrors.classified("billing-service",
                api.associate(subCustomerId, association).replaceWithVoid());
    }

}
