package io.openbss.gateway;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;

/**
 * Plain futures for the public listener's hot path. Mutiny's {@code subscribeAsCompletionStage} answers a
 * context-propagating future, which captures and restores thread context on every stage added to it; the public
 * listener needs none of it (it hops back to its event loop itself), and caches hand the same future to every request.
 */
public final class Futures {

    private Futures() {
    }

    public static <T> CompletableFuture<T> plain(Uni<T> uni) {
        CompletableFuture<T> future = new CompletableFuture<>();
        uni.subscribe().with(future::complete, future::completeExceptionally);
        return future;
    }
}
