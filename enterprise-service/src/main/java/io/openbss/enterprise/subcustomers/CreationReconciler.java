package io.openbss.enterprise.subcustomers;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finishes sub-account creations that a crash or an outage interrupted. */
@ApplicationScoped
public class CreationReconciler {

    @Inject
    SubAccountCreation creation;

    @Scheduled(every = "${bss.enterprise.reconciler.interval:10s}", delayed = "${bss.enterprise.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return creation.resume().replaceWithVoid();
    }
}
