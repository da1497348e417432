package io.openbss.enterprise.transfers;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.reconcile.Reconciler;
import io.openbss.common.reconcile.RetryPolicy;
import io.openbss.enterprise.EnterpriseConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Finishes the transfers that a crash, a timeout or an outage of billing-service left pending: each is sent to the
 * ledger again with its own idempotency key, so one that was already made is not made twice, only recorded.
 * Replicas share the work: a transfer being worked on is skipped by the others. Pacing, batches and giving up are
 * {@link Reconciler}'s, set by {@code bss.enterprise.reconciler.*}.
 */
@ApplicationScoped
public class TransferReconciler {

    private static final Logger LOG = Logger.getLogger(TransferReconciler.class);

    private final AtomicLong pending = new AtomicLong();

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    EnterpriseConfig config;

    @Inject
    TransferService transfers;

    private Reconciler reconciler;

    @Inject
    public TransferReconciler(MeterRegistry registry) {
        registry.gauge("bss.enterprise.transfers.pending", pending);
    }

    @PostConstruct
    void schedule() {
        reconciler = new Reconciler(pool, clock, TransferTransitions.UNFINISHED,
                RetryPolicy.of(config.reconciler()));
    }

    @Scheduled(every = "${bss.enterprise.reconciler.interval:10s}", delayed = "${bss.enterprise.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return reconciler.run(row -> transfers.finish(Transfer.of(row))
                        .invoke(done -> LOG.infof("transfer %s of %s finished by the reconciler: %s",
                                done.transId(), done.masterId(), done.status())))
                .invoke(pending::set).replaceWithVoid();
    }
}
