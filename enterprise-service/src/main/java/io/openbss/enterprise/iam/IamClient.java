package io.openbss.enterprise.iam;

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

/** The gateway's IAM, called with a timeout, retries (the call carries an idempotency key) and a circuit breaker. */
@ApplicationScoped
public class IamClient {

    @Inject
    @RestClient
    IamApi api;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = Refusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = Refusal.class)
    public Uni<NewDomain.Created> createDomain(NewDomain domain) {
        return RemoteErrors.classified("gateway", api.createDomain(domain));
    }
}
