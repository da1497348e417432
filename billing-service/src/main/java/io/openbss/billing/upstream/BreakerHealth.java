package io.openbss.billing.upstream;

import io.openbss.common.remote.CircuitBreakerHealthCheck;
import io.openbss.common.upstream.UpstreamGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The upstream's circuit breaker in {@code /q/health/well}: billing-service calls no other service. */
@Wellness
@Singleton
public class BreakerHealth extends CircuitBreakerHealthCheck {

    @Inject
    public BreakerHealth(CircuitBreakerMaintenance maintenance) {
        super(maintenance, UpstreamGuard.BREAKER);
    }
}
