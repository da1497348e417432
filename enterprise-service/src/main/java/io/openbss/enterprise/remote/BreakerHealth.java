package io.openbss.enterprise.remote;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.remote.CircuitBreakerHealthCheck;
import io.openbss.enterprise.iam.IamClient;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The circuit breakers of billing-service and the gateway's IAM in {@code /q/health/well}; never readiness. */
@Wellness
@Singleton
public class BreakerHealth extends CircuitBreakerHealthCheck {

    @Inject
    public BreakerHealth(CircuitBreakerMaintenance maintenance) {
        super(maintenance, BillingClient.BREAKER, IamClient.BREAKER);
    }
}
