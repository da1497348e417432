package io.openbss.gateway.pipeline;

import io.openbss.common.request.ShutdownGate;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public calls being handled, from their first byte to their answer (audit record included), so that a shutdown
 * lets them finish before the public listener closes; and, once the {@link ShutdownGate} is closed, the refusal of
 * new ones.
 */
@Singleton
public class InFlightCalls {

    private final AtomicInteger count = new AtomicInteger();
    private final CompletableFuture<Void> none = new CompletableFuture<>();
    private volatile boolean draining;

    @Inject
    ShutdownGate gate;

    /** Counts a new call in, or refuses it (false) because the gateway is shutting down. */
    boolean admit() {
        count.incrementAndGet();
        if (gate.closed()) {
            finished();
            return false;
        }
        return true;
    }

    /** Whether answers should tell clients to close their connection (the gateway is shutting down). */
    boolean closing() {
        return gate.closed();
    }

    /** A call that {@link #admit} let in has been answered (or abandoned by its client before it was read). */
    void finished() {
        if (count.decrementAndGet() == 0 && draining) {
            none.complete(null);
        }
    }

    public int count() {
        return count.get();
    }

    /**
     * Closes the gate now if it is not already, then waits for the calls in flight, at most the drain time left;
     * whether none is left.
     */
    public boolean awaitNone() {
        gate.close(Duration.ZERO);
        draining = true;
        if (count.get() == 0) {
            none.complete(null);
        }
        try {
            none.get(Math.max(0, gate.drainLeft().toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
