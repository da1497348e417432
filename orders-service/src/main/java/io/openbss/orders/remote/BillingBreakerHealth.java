package io.openbss.orders.remote;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.remote.CircuitBreakerHealthCheck;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** billing-service's circuit breaker in {@code /q/health/well}: informative, never a readiness check. */
@Wellness
@Singleton
public class BillingBreakerHealth extends CircuitBreakerHealthCheck {

    @Inject
    public BillingBreakerHealth(CircuitBreakerMaintenance maintenance) {
        super(maintenance, BillingClient.BREAKER);
    }
}
