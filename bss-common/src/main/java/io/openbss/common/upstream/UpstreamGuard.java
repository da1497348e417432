package io.openbss.common.upstream;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One call to the egress under the breaker {@value #BREAKER}, a timeout and a bulkhead. No answer (timeout, refused
 * or broken connection) and the upstream's failing answers (5xx, 429) fail the call, so that the breaker counts them;
 * the failing answer rides in the {@link UpstreamFailure} and {@link UpstreamClient} gives it back unchanged.
 */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class UpstreamGuard {

    /** The circuit breaker of every call to the upstream, by this name in {@code /q/health/well}. */
    public static final String BREAKER = "upstream";

    @Inject
    UpstreamConfig config;

    @Inject
    UpstreamAuthorization authorization;

    private UpstreamApi api;

    @PostConstruct
    void build() {
        api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.url()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .clientHeadersFactory(authorization)
                .disableDefaultMapper(true)
                .build(UpstreamApi.class);
    }

    /**
     * The upstream is down or throttling as a whole, so every call counts towards opening the breaker; once open, a
     * trial call goes through after the delay and one success closes it.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1)
    @CircuitBreakerName(BREAKER)
    @Bulkhead(value = 50, waitingTaskQueue = 50)
    public Uni<UpstreamAnswer> send(UpstreamRequest request) {
        return Uni.createFrom().deferred(() -> call(request))
                .map(UpstreamGuard::judged)
                .onFailure(f -> !(f instanceof UpstreamFailure))
                .transform(f -> new UpstreamFailure(null, f.toString()));
    }

    /**
     * The answer, or the failure the breaker counts: the upstream's 429 or 5xx. An answer the egress held back
     * ({@link UpstreamApi#HELD_BACK}: our keeping of its quota) is no sign of the upstream's health and is given back
     * as it is, neither counted nor sent again.
     */
    private static UpstreamAnswer judged(Response response) {
        boolean heldBack = response.getHeaderString(UpstreamApi.HELD_BACK) != null;
        UpstreamAnswer answer = answer(response);
        if (heldBack) {
            return answer;
        }
        if (answer.status() == 429) {
            throw new UpstreamFailure.Throttled(answer);
        }
        if (answer.failing()) {
            throw new UpstreamFailure(answer, "HTTP " + answer.status());
        }
        return answer;
    }

    private Uni<Response> call(UpstreamRequest request) {
        String target = request.target();
        return switch (request.method().toUpperCase(Locale.ROOT)) {
            case "GET" -> api.get(target, request.linkedDomain(), request.requestId(), request.language());
            case "DELETE" -> api.delete(target, request.linkedDomain(), request.requestId(), request.language());
            case "POST" -> api.post(target, request.linkedDomain(), request.requestId(), request.language(),
                    request.contentType(), request.body());
            case "PUT" -> api.put(target, request.linkedDomain(), request.requestId(), request.language(),
                    request.contentType(), request.body());
            default -> throw new IllegalArgumentException("no public operation uses " + request.method());
        };
    }

    private static UpstreamAnswer answer(Response response) {
        try (response) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new UpstreamAnswer(response.getStatus(), response.getHeaderString(HttpHeaders.CONTENT_TYPE), body,
                    response.getHeaderString(UpstreamApi.UPSTREAM_REQUEST_ID));
        }
    }
}
