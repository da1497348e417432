package io.openbss.enterprise.subcustomers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finishes sub-account creations that a crash or an outage interrupted, then reports how many are still pending
 * (gauge bss.enterprise.subaccount.creations.pending).
 */
@ApplicationScoped
public class CreationReconciler {

    private final AtomicLong pending = new AtomicLong();

    @Inject
    SubAccountCreation creation;

    @Inject
    public CreationReconciler(MeterRegistry registry) {
        registry.gauge("bss.enterprise.subaccount.creations.pending", pending);
    }

    @Scheduled(every = "${bss.enterprise.reconciler.interval:10s}", delayed = "${bss.enterprise.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return creation.resume().invoke(pending::set).replaceWithVoid();
    }
}
