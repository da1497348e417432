package io.openbss.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The edges between the stores' futures and the public listener's hot path, which runs on Vert.x {@link Future}s.
 * Mutiny's {@code subscribeAsCompletionStage} answers a context-propagating future, which captures and restores
 * thread context on every stage added to it; the public listener needs none of it, and caches hand the same future
 * to every request.
 */
public final class Futures {

    private Futures() {
    }

    public static <T> CompletableFuture<T> plain(Uni<T> uni) {
        CompletableFuture<T> future = new CompletableFuture<>();
        uni.subscribe().with(future::complete, future::completeExceptionally);
        return future;
    }

    /**
     * A stage (a cache's future) as a Vert.x future whose handlers run on the caller's event loop, as those of
     * Vert.x's own clients do, whichever thread completes the stage.
     */
    public static <T> Future<T> onCaller(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
    }

    public static <T> Future<T> onCaller(Uni<T> uni) {
        return onCaller(plain(uni));
    }
}
