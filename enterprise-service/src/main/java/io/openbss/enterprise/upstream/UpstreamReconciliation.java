package io.openbss.enterprise.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.upstream.ExactlyOnceCalls;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resends the money calls of linked accounts whose upstream answer was lost, with their own idempotency keys, until
 * a final answer comes; pacing and batches are {@code bss.upstream.reconciler.*}.
 */
@ApplicationScoped
public class UpstreamReconciliation {

    private final AtomicLong pending = new AtomicLong();

    @Inject
    ExactlyOnceCalls calls;

    @Inject
    public UpstreamReconciliation(MeterRegistry registry) {
        registry.gauge("bss.upstream.calls.pending", pending);
    }

    @Scheduled(every = "${bss.upstream.reconciler.interval:10s}", delayed = "${bss.upstream.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return calls.reconcile().invoke(pending::set).replaceWithVoid();
    }
}
