package io.openbss.gateway.backends;

import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
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
    /**
     * How long after its connection broke a repeatable call is sent again, each time: a service shutting down closes
     * its listener some tens of milliseconds after its last request, and resets the connections it accepts meanwhile;
     * by the last resend it has closed it (the call is then not performed: 503) or another replica answers.
     */
    static final long[] RESEND_AFTER_MS = {20, 100, 300};

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

    /** Forwards a call that must not be sent twice (see the other {@code forward}). */
    public Future<BackendResponse> forward(String service, HttpMethod method, String uri, MultiMap headers,
            Buffer body) {
        return forward(service, method, uri, headers, body, false);
    }

    /**
     * Fails with an {@link ApigException} when the service cannot answer: 503 when no connection could be made (the
     * service never saw the call), 504 when it did not answer in time, 502 when the exchange broke off. A call that
     * may be sent twice ({@code repeatable}: a view, or a change whose repeat changes nothing more) whose connection
     * broke before the answer came is sent again on another connection, a little later, up to three times: a pooled
     * connection that the service closes as it shuts down, or one that it accepted just before closing its listener,
     * breaks without the call ever having been performed.
     */
    public Future<BackendResponse> forward(String service, HttpMethod method, String uri, MultiMap headers,
            Buffer body, boolean repeatable) {
        Target target = targets.get(service);
        if (target == null) {
            return Future.failedFuture(ApigException.backendUnavailable());
        }
        RequestOptions options = new RequestOptions().setMethod(method).setHost(target.host()).setPort(target.port())
                .setURI(target.basePath() + uri).setHeaders(headers)
                .setIdleTimeout(config.backendTimeout().toMillis());
        return exchange(options, body, repeatable ? 0 : RESEND_AFTER_MS.length)
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

    /** One exchange; {@code resent} is how many times the call was sent again already. */
    private Future<BackendResponse> exchange(RequestOptions options, Buffer body, int resent) {
        return client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body()
                        .map(content -> new BackendResponse(response.statusCode(), response.headers(), content)))
                .recover(failure -> {
                    if (resent == RESEND_AFTER_MS.length || !brokeOff(failure)) {
                        return Future.failedFuture(failure);
                    }
                    LOG.infof("%s %s: the connection broke (%s); sending the call again in %d ms",
                            options.getMethod(), options.getURI(), failure.toString(), RESEND_AFTER_MS[resent]);
                    Promise<Void> later = Promise.promise();
                    vertx.setTimer(RESEND_AFTER_MS[resent], timer -> later.complete());
                    return later.future().compose(v -> exchange(options, body, resent + 1));
                });
    }

    /** The connection closed or was reset (not: could not be made, or timed out). */
    private static boolean brokeOff(Throwable failure) {
        return failure instanceof HttpClosedException
                || failure instanceof IOException && !(failure instanceof ConnectException)
                        && !failure.getClass().getSimpleName().contains("Timeout");
    }
}
