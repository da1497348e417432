package io.openbss.gateway.routing;

import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.auth.ApigException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** Forwards requests to the services over pooled keep-alive HTTP connections. */
@Singleton
public class BackendClient {

    private static final Logger LOG = Logger.getLogger(BackendClient.class);

    /** What came back from a service. */
    public record BackendResponse(int status, MultiMap headers, Buffer body) {
    }

    private record Target(String host, int port, String basePath) {
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private HttpClient client;
    private final Map<String, Target> targets = new HashMap<>();

    @PostConstruct
    void start() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000)
                .setKeepAliveTimeout(60), new PoolOptions().setHttp1MaxSize(200));
        config.services().forEach((service, url) -> {
            URI uri = URI.create(url);
            String base = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
            targets.put(service, new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), base));
        });
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    public boolean knows(String service) {
        return targets.containsKey(service);
    }

    /**
     * Fails with an {@link ApigException} when the service cannot answer: 503 when no connection could be made (the
     * service never saw the call), 504 when it did not answer in time, 502 when the exchange broke off.
     */
    public Future<BackendResponse> forward(String service, HttpMethod method, String uri, MultiMap headers,
            Buffer body) {
        Target target = targets.get(service);
        if (target == null) {
            return Future.failedFuture(ApigException.backendUnavailable());
        }
        RequestOptions options = new RequestOptions().setMethod(method).setHost(target.host()).setPort(target.port())
                .setURI(target.basePath() + uri).setHeaders(headers)
                .setIdleTimeout(config.backendTimeout().toMillis());
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body()
                        .map(content -> new BackendResponse(response.statusCode(), response.headers(), content)))
                .recover(failure -> {
                    LOG.warnf("%s %s to %s failed: %s", method, uri, service, failure.toString());
                    if (failure instanceof ConnectException) {
                        return Future.failedFuture(ApigException.backendNotReached());
                    }
                    boolean timeout = failure instanceof TimeoutException
                            || failure.getClass().getSimpleName().contains("Timeout");
                    return Future.failedFuture(timeout ? ApigException.backendTimeout()
                            : ApigException.backendUnavailable());
                });
    }
}
