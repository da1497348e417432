package io.openbss.common.remote;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The state of a service's circuit breakers, one per service it calls, by name: {@code {"billing-service":
 * "closed"}}, DOWN while one is open. A service declares its subclass in the wellness group ({@code /q/health/well},
 * also part of {@code /q/health}), never in readiness: an open breaker means that a dependency is down, and taking
 * this service out of load balancing would not bring the dependency back.
 */
public abstract class CircuitBreakerHealthCheck implements HealthCheck {

    public static final String NAME = "circuit-breakers";

    private final CircuitBreakerMaintenance maintenance;
    private final List<String> breakers;

    protected CircuitBreakerHealthCheck(CircuitBreakerMaintenance maintenance, String... breakers) {
        this.maintenance = maintenance;
        this.breakers = List.of(breakers);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (String breaker : breakers) {
            CircuitBreakerState state = maintenance.currentState(breaker);
            response.withData(breaker, state.name().toLowerCase(Locale.ROOT));
            if (state == CircuitBreakerState.OPEN) {
                response.down();
            }
        }
        return response.build();
    }
}
