package io.openbss.gateway.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openbss.common.error.BssError;
import io.openbss.common.error.BssException;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.signing.SdkSigner;
import io.openbss.common.upstream.UpstreamApi;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The only way out to an upstream BSS: a service names the linked account and the public operation; the call is
 * checked against the upstream's quota, signed with the link's credential as the Huawei Cloud SDK signs
 * (SDK-HMAC-SHA256, {@code X-Sdk-Date}, {@code X-Domain-Id}) and sent; the upstream's answer comes back as it is,
 * with its request id. The secret key is read here and nowhere else.
 */
@Singleton
public class UpstreamEgress {

    private static final Logger LOG = Logger.getLogger(UpstreamEgress.class);
    static final BssError NOT_LINKED = new BssError("CBC.0101", UpstreamApi.NOT_LINKED);
    static final String USER_AGENT = "openbss-upstream/1.0";

    /** What the upstream answered. */
    public record Answer(int status, String contentType, Buffer body, String upstreamRequestId) {
    }

    /** The call to send upstream: a public operation's request, as the client made it. */
    public record Call(String domainId, HttpMethod method, String path, String query, String contentType,
            String language, Buffer body) {
    }

    private final OperationTable operations = OperationTable.load();

    @Inject
    UpstreamLinks links;

    @Inject
    UpstreamQuotas quotas;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private HttpClient client;

    @PostConstruct
    void start() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000)
                .setKeepAliveTimeout(60).setVerifyHost(true), new PoolOptions().setHttp1MaxSize(100));
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    public Future<Answer> send(Call call) {
        Operation operation = operations.match(call.method().name(), call.path())
                .orElseThrow(ApigException::noSuchApi).operation();
        return links.find(call.domainId()).compose(found -> {
            UpstreamLink link = found.orElseThrow(() -> new BssException(NOT_LINKED,
                    "Account " + call.domainId() + " is not linked to an upstream account"));
            return quotas.acquire(link, operation).compose(slot -> exchange(link, operation, call)
                    .onComplete(answered -> quotas.answered(slot)));
        });
    }

    private Future<Answer> exchange(UpstreamLink link, Operation operation, Call call) {
        URI endpoint = link.endpoint();
        boolean tls = "https".equals(endpoint.getScheme());
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", endpoint.getRawAuthority());
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Domain-Id", link.upstreamDomainId());
        if (call.language() != null) {
            headers.put("X-Language", call.language());
        }
        headers.putAll(new SdkSigner(link.accessKey(), link.secretKey()).sign(call.method().name(), call.path(),
                call.query(), headers, call.body().getBytes(), Instant.now()));
        MultiMap sent = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(sent::set);
        sent.set("Content-Type", call.contentType() == null ? "application/json;charset=UTF-8" : call.contentType());
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(endpoint.getHost())
                .setPort(port).setSsl(tls)
                .setURI(call.path() + (call.query() == null || call.query().isEmpty() ? "" : "?" + call.query()))
                .setHeaders(sent).setIdleTimeout(config.upstream().timeout().toMillis());
        long started = System.nanoTime();
        return client.request(options)
                .compose(request -> request.send(call.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        response.getHeader("Content-Type"), body, response.getHeader("X-Request-Id"))))
                .onSuccess(answer -> measured(operation, started, String.valueOf(answer.status()),
                        answer.status() == 429 || answer.status() >= 500))
                .recover(failure -> {
                    boolean notReached = failure instanceof ConnectException;
                    boolean timeout = !notReached && (failure.getClass().getSimpleName().contains("Timeout"));
                    String outcome = notReached ? "unreachable" : timeout ? "timeout" : "broken";
                    measured(operation, started, outcome, true);
                    LOG.warnf("%s upstream %s at %s failed: %s", operation.name(), link.upstreamDomainId(),
                            endpoint.getHost(), failure.toString());
                    return Future.failedFuture(notReached ? ApigException.backendNotReached()
                            : timeout ? ApigException.backendTimeout() : ApigException.backendUnavailable());
                });
    }

    /** Calls and their latency by operation and outcome; upstream 429s, 5xx and failures counted apart. */
    private void measured(Operation operation, long started, String outcome, boolean error) {
        Timer.builder("bss.upstream.calls").tag("operation", operation.name()).tag("outcome", outcome)
                .publishPercentileHistogram().register(metrics)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (error) {
            metrics.counter("bss.upstream.errors", "operation", operation.name(), "outcome", outcome).increment();
        }
    }
}
