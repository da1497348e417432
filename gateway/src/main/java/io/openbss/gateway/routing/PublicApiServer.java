package io.openbss.gateway.routing;

import io.openbss.gateway.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

    private String deployment;

    void start(@Observes StartupEvent event) {
        HttpServerOptions options = new HttpServerOptions().setHost(config.publicHost()).setPort(config.publicPort())
                .setMaxHeaderSize(16 * 1024).setMaxInitialLineLength(16 * 1024).setIdleTimeout(120)
                .setTcpNoDelay(true).setCompressionSupported(false);
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        deployment = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options).requestHandler(handler).listen()
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().join();
        LOG.infof("public BSS API listening on %s:%d", config.publicHost(), config.publicPort());
    }

    void stop(@Observes ShutdownEvent event) {
        if (deployment != null) {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().join();
        }
    }
}
