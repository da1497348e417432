package io.openbss.orders.remote;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.remote.CircuitBreakerHealthCheck;
import io.openbss.common.upstream.UpstreamGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The circuit breakers of billing-service and the upstream BSS in {@code /q/health/well}: never readiness. */
@Wellness
@Singleton
public class BillingBreakerHealth extends CircuitBreakerHealthCheck {

    @Inject
    public BillingBreakerHealth(CircuitBreakerMaintenance maintenance) {
        super(maintenance, BillingClient.BREAKER, UpstreamGuard.BREAKER);
    }
}
