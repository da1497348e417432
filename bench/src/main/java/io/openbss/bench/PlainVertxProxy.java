package io.openbss.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The gateway bench's ceiling for a JVM: a reverse proxy on the gateway's own HTTP stack and settings (Vert.x on
 * Netty's native epoll transport, an HTTP server on two event loops per core, a pooled keep-alive client, the body
 * read whole, the headers copied both ways) that does nothing else. Run in its own JVM with the gateway's JVM options
 * ({@link GatewayProxyBench}), it shows what the gateway's pipeline costs on top of the stack it is built on, and how
 * far the stack alone is from nginx. Arguments: the port to listen on, the backend's port.
 */
public final class PlainVertxProxy {

    private PlainVertxProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int backendPort = Integer.parseInt(args[1]);
        int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(eventLoops));
        if (!vertx.isNativeTransportEnabled()) {
            throw new IllegalStateException("no native transport: " + vertx.unavailableNativeTransportCause());
        }
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setKeepAliveTimeout(60), new PoolOptions().setHttp1MaxSize(200));
        // one server per event loop on the same port: Vert.x hands each new connection to the next of them
        for (int i = 0; i < eventLoops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(request -> forward(request, client, backendPort))
                    .listen().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void forward(HttpServerRequest request, HttpClient client, int backendPort) {
        MultiMap headers = hopByHopRemoved(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        request.body()
                .compose(body -> client.request(new RequestOptions().setMethod(request.method())
                                .setHost("127.0.0.1").setPort(backendPort).setURI(request.uri()).setHeaders(headers))
                        .compose(out -> out.send(body)))
                .compose(response -> response.body().map(content -> {
                    hopByHopRemoved(request.response().setStatusCode(response.statusCode()).headers()
                            .addAll(response.headers()));
                    return content;
                }))
                .onSuccess(content -> request.response().end(content))
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    /** What one connection says about itself, and the body's length, which each side sets for its own message. */
    private static MultiMap hopByHopRemoved(MultiMap headers) {
        return headers.remove("Connection").remove("Keep-Alive").remove("Content-Length").remove("Transfer-Encoding");
    }
}
