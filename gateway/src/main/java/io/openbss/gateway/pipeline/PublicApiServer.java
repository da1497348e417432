package io.openbss.gateway.pipeline;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.openbss.common.request.RequestIds;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.errors.ErrorAnswer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * The public BSS API listener: one HTTP server per event loop on the public port, all handled by
 * {@link GatewayHandler}. Nothing else (admin API, health, metrics) is reachable on this port.
 */
@ApplicationScoped
public class PublicApiServer {

    private static final Logger LOG = Logger.getLogger(PublicApiServer.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    GatewayHandler handler;

    @Inject
    InFlightCalls calls;

    private String deployment;

    void start(@Observes StartupEvent event) {
        HttpServerOptions options = new HttpServerOptions().setHost(config.publicHost()).setPort(config.publicPort())
                .setMaxHeaderSize(16 * 1024).setMaxInitialLineLength(16 * 1024).setIdleTimeout(120)
                .setTcpNoDelay(true).setCompressionSupported(false);
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        deployment = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options).requestHandler(handler).invalidRequestHandler(PublicApiServer::invalid)
                        .listen()
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().join();
        LOG.infof("public BSS API listening on %s:%d", config.publicHost(), config.publicPort());
    }

    /**
     * A request the HTTP decoder refused (request line or headers too long, malformed): answered in the APIG envelope
     * with a request id like every other answer; Vert.x closes the connection afterwards.
     */
    static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ApigException error;
        if (cause instanceof TooLongHttpLineException) {
            error = new ApigException(414, "APIG.0201", "Request-URI too long");
        } else if (cause instanceof TooLongHttpHeaderException) {
            error = new ApigException(431, "APIG.0201", "Request header fields too large");
        } else {
            error = new ApigException(400, "APIG.0201", "Malformed HTTP request");
        }
        String requestId = RequestIds.generate();
        ErrorAnswer.of(error, requestId).write(request.response(), requestId);
    }

    /**
     * Closes the public listener once the calls in flight are answered, their audit records written, or the shutdown
     * timeout is over; before any other observer, while the database and the services are still there. New calls are
     * refused meanwhile ({@link InFlightCalls}).
     */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        if (!calls.awaitNone()) {
            LOG.warnf("%d public calls still in flight at the end of the shutdown timeout; closing the listener",
                    calls.count());
        }
        String listening = deployment;
        deployment = null;
        if (listening != null) {
            vertx.undeploy(listening).toCompletionStage().toCompletableFuture().join();
        }
    }
}
