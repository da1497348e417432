package io.openbss.enterprise.iam;

import io.openbss.common.remote.Refusal;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The gateway's IAM, called with a timeout, retries (the call carries an idempotency key) and a circuit breaker
 * that lets a trial call through a second after it opened.
 */
@ApplicationScoped
public class IamClient {

    /** The circuit breaker of calls to the gateway's IAM API, by this name in {@code /q/health/well}. */
    public static final String BREAKER = "gateway";

    @Inject
    @RestClient
    IamApi api;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = Refusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = Refusal.class)
    @CircuitBreakerName(BREAKER)
    public Uni<NewDomain.Created> createDomain(NewDomain domain) {
        return RemoteErrors.classified(BREAKER, api.createDomain(domain));
    }
}
