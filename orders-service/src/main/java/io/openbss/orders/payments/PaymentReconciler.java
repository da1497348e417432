package io.openbss.orders.payments;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Finishes the payments that a crash, a timeout or an outage of billing-service left pending: each is charged again
 * with its own key, so one that was already charged is only recorded (and provisioned), not charged twice.
 */
@ApplicationScoped
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);

    private final AtomicLong pending = new AtomicLong();

    @Inject
    PaymentStore store;

    @Inject
    PaymentService payments;

    @Inject
    public PaymentReconciler(MeterRegistry registry) {
        registry.gauge("bss.orders.payments.pending", pending);
    }

    @Scheduled(every = "${bss.orders.reconciler.interval:10s}", delayed = "${bss.orders.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return store.claimDue()
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(payment -> store.order(payment.orderId())
                        .flatMap(order -> payments.offer(order, payment.discountId())
                                .flatMap(offer -> payments.attempt(order, payment, offer)))
                        .invoke(() -> LOG.infof("payment %s of order %s finished by the reconciler",
                                payment.attempt(), payment.orderId()))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("payment %s of order %s: %s", payment.attempt(), payment.orderId(),
                                    failure.toString());
                            return null;
                        }))
                .collect().last()
                .chain(() -> store.countPending()).invoke(pending::set).replaceWithVoid();
    }
}
