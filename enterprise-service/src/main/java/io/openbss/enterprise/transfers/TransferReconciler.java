package io.openbss.enterprise.transfers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Finishes the transfers that a crash, a timeout or an outage of billing-service left pending: each is sent to the
 * ledger again with its own idempotency key, so one that was already made is not made twice, only recorded.
 * Replicas share the work: a transfer being worked on is skipped by the others.
 */
@ApplicationScoped
public class TransferReconciler {

    private static final Logger LOG = Logger.getLogger(TransferReconciler.class);

    private final AtomicLong pending = new AtomicLong();

    @Inject
    TransferStore store;

    @Inject
    TransferService transfers;

    @Inject
    public TransferReconciler(MeterRegistry registry) {
        registry.gauge("bss.enterprise.transfers.pending", pending);
    }

    @Scheduled(every = "${bss.enterprise.reconciler.interval:10s}", delayed = "${bss.enterprise.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return store.claimDue()
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(transfer -> transfers.finish(transfer)
                        .invoke(done -> LOG.infof("transfer %s of %s finished by the reconciler: %s",
                                done.transId(), done.masterId(), done.status()))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("transfer %s of %s still pending: %s", transfer.transId(),
                                    transfer.masterId(), failure.toString());
                            return transfer;
                        }))
                .collect().last()
                .chain(() -> store.countPending()).invoke(pending::set).replaceWithVoid();
    }
}
