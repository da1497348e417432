package io.openbss.orders.payments;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.reconcile.Reconciler;
import io.openbss.common.reconcile.RetryPolicy;
import io.openbss.orders.OrdersConfig;
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
 * Finishes the payments that a crash, a timeout or an outage of billing-service left pending: each is charged again
 * with its own key, so one that was already charged is only recorded (and provisioned), not charged twice. Pacing,
 * batches and giving up are {@link Reconciler}'s, set by {@code bss.orders.reconciler.*}.
 */
@ApplicationScoped
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);

    private final AtomicLong pending = new AtomicLong();

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    @Inject
    PaymentStore store;

    @Inject
    PaymentService payments;

    private Reconciler reconciler;

    @Inject
    public PaymentReconciler(MeterRegistry registry) {
        registry.gauge("bss.orders.payments.pending", pending);
    }

    @PostConstruct
    void schedule() {
        reconciler = new Reconciler(pool, clock, PaymentTransitions.UNFINISHED, RetryPolicy.of(config.reconciler()));
    }

    @Scheduled(every = "${bss.orders.reconciler.interval:10s}", delayed = "${bss.orders.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return reconciler.run(row -> {
            Payment payment = Payment.of(row);
            return store.order(payment.orderId())
                    .flatMap(order -> payments.offer(order, payment.discountId())
                            .flatMap(offer -> payments.attempt(order, payment, offer)))
                    .invoke(() -> LOG.infof("payment %s of order %s finished by the reconciler",
                            payment.attempt(), payment.orderId()));
        }).invoke(pending::set).replaceWithVoid();
    }
}
