package io.openbss.orders.unsubscriptions;

import static io.openbss.common.time.BssTime.utc;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.common.reconcile.Reconciler;
import io.openbss.common.reconcile.RetryPolicy;
import io.openbss.common.remote.Refusal;
import io.openbss.common.time.BssTime;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.orders.LinePayments;
import io.openbss.orders.orders.OrderType;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Pays refund orders back through the ledger, once: a refund order is recorded (processing) with the unsubscription
 * before billing is asked, with the refund order's id as idempotency key; completed when billing answers. What an
 * outage leaves processing is sent again by the schedule here ({@link Reconciler}, set by
 * {@code bss.orders.refunds.*}), which then reports how many are still processing (gauge bss.orders.refunds.pending).
 */
@ApplicationScoped
public class RefundOrders {

    private static final Logger LOG = Logger.getLogger(RefundOrders.class);

    private final AtomicLong pending = new AtomicLong();

    @Inject
    Pool pool;

    @Inject
    BillingClient billing;

    @Inject
    RefundOrderTransitions transitions;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    private Reconciler reconciler;

    @Inject
    public RefundOrders(MeterRegistry registry) {
        registry.gauge("bss.orders.refunds.pending", pending);
    }

    @PostConstruct
    void schedule() {
        OrdersConfig.RefundRetries retries = config.refunds();
        reconciler = new Reconciler(pool, clock, RefundOrderTransitions.UNFINISHED, new RetryPolicy(
                retries.batchSize(), retries.grace(), retries.backoff(), retries.maxBackoff(), retries.maxAttempts()));
    }

    /** When a refund order recorded now is due to the reconciler, if the unsubscription did not finish it. */
    OffsetDateTime dueToReconciler(Instant recorded) {
        return reconciler.firstAttemptAt(recorded);
    }

    /** Sends one refund order to the ledger and records the outcome; unknown outcomes stay processing. */
    public Uni<Void> pay(String refundOrderId) {
        return pool.preparedQuery("""
                        SELECT * FROM customer_order WHERE order_id = $1 AND status = $2 AND order_type = $3""")
                .execute(Tuple.of(refundOrderId, RefundOrderTransitions.PLACED.code(),
                        OrderType.UNSUBSCRIPTION.code())).flatMap(orders -> {
                    if (orders.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row order = orders.iterator().next();
                    return pool.preparedQuery("SELECT * FROM order_line WHERE order_id = $1 ORDER BY line_id")
                            .execute(Tuple.of(refundOrderId))
                            .flatMap(rows -> billing.refund(new BillingModels.Refund("refund-order:" + refundOrderId,
                                    order.getString("customer_id"), order.getString("payer_customer_id"),
                                    refundOrderId, order.getString("base_order_id"), lines(refundOrderId, rows)))
                                    .flatMap(refunded -> refunded(refundOrderId, lineIds(rows), refunded)))
                            .onFailure(Refusal.class).recoverWithUni(refusal -> {
                                LOG.warnf("refund order %s refused by billing: %s", refundOrderId,
                                        refusal.getMessage());
                                return transitions.refused(refundOrderId, utc(clock.instant())).replaceWithVoid();
                            });
                });
    }

    @Scheduled(every = "${bss.orders.reconciler.interval:10s}", delayed = "${bss.orders.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        return reconciler.run(row -> pay(row.getString("order_id"))).invoke(pending::set).replaceWithVoid();
    }

    /** Completed: the order shows what billing gave back to each kind of account, as the bill lines do. */
    private Uni<Void> refunded(String refundOrderId, List<String> lineIds, BillingModels.Charged refunded) {
        return pool.withTransaction(connection -> transitions.refunded(connection, refundOrderId,
                        refunded.storedCardAmount(), refunded.cashAmount().add(refunded.creditAmount()),
                        utc(clock.instant()))
                .flatMap(completed -> !completed ? Uni.createFrom().voidItem()
                        : LinePayments.record(connection, refundOrderId, lineIds, refunded)));
    }

    private static List<String> lineIds(Iterable<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getString("line_id")));
        return ids;
    }

    private static List<BillingModels.BillLine> lines(String refundOrderId, Iterable<Row> rows) {
        List<BillingModels.BillLine> lines = new ArrayList<>();
        for (Row row : rows) {
            BigDecimal amount = row.getBigDecimal("amount_after_discount").negate();
            lines.add(new BillingModels.BillLine(row.getString("service_type_code"),
                    row.getString("resource_type_code"), row.getString("region_code"), row.getString("resource_id"),
                    row.getString("resource_name"), row.getString("product_id"), row.getString("product_spec_desc"),
                    refundOrderId, 4, 1, null, wire(row.getOffsetDateTime("effective_time")),
                    wire(row.getOffsetDateTime("expire_time")), amount, BigDecimal.ZERO.setScale(2),
                    amount));
        }
        return lines;
    }

    private static String wire(OffsetDateTime time) {
        return time == null ? null : BssTime.formatWire(time.toInstant());
    }
}
