package io.openbss.enterprise.remote;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.remote.CircuitBreakerHealthCheck;
import io.openbss.common.upstream.UpstreamGuard;
import io.openbss.enterprise.iam.IamClient;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The circuit breakers of billing-service, the gateway's IAM and the upstream BSS in {@code /q/health/well}; never
 * readiness.
 */
@Wellness
@Singleton
public class BreakerHealth extends CircuitBreakerHealthCheck {

    @Inject
    public BreakerHealth(CircuitBreakerMaintenance maintenance) {
        super(maintenance, BillingClient.BREAKER, IamClient.BREAKER, UpstreamGuard.BREAKER);
    }
}
