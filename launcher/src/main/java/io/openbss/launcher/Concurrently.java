package io.openbss.launcher;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Independent calls made at the same time (the demo data's reload calls services that have only just started). */
final class Concurrently {

    private Concurrently() {
    }

    /** {@code call} applied to each item at the same time; the results in the items' order, or the first failure. */
    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<R>> calls = items.stream()
                    .map(item -> CompletableFuture.supplyAsync(() -> call.apply(item), threads)).toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
