package io.openbss.orders.unsubscriptions;

import static io.openbss.common.time.BssTime.utc;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.common.remote.Refusal;
import io.openbss.common.time.BssTime;
import io.openbss.orders.orders.LinePayments;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Pays refund orders back through the ledger, once: a refund order is recorded (processing) with the unsubscription
 * before billing is asked, with the refund order's id as idempotency key; completed when billing answers. What an
 * outage leaves processing is sent again by the schedule here, which then reports how many are still processing
 * (gauge bss.orders.refunds.pending).
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
    Clock clock;

    @Inject
    public RefundOrders(MeterRegistry registry) {
        registry.gauge("bss.orders.refunds.pending", pending);
    }

    /** Sends one refund order to the ledger and records the outcome; unknown outcomes stay processing. */
    public Uni<Void> pay(String refundOrderId) {
        return pool.preparedQuery("SELECT * FROM customer_order WHERE order_id = $1 AND status = 3 AND order_type = 4")
                .execute(Tuple.of(refundOrderId)).flatMap(orders -> {
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
                                LOG.warnf("refund order %s refused by billing: %s", refundOrderId, refusal.getMessage());
                                return finish(refundOrderId, 4);
                            });
                });
    }

    @Scheduled(every = "${bss.orders.reconciler.interval:10s}", delayed = "${bss.orders.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        OffsetDateTime before = utc(clock.instant().minusSeconds(30));
        return pool.preparedQuery("""
                        SELECT order_id FROM customer_order
                         WHERE order_type = 4 AND status = 3 AND create_time <= $1 ORDER BY create_time LIMIT 50""")
                .execute(Tuple.of(before))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> pay(row.getString("order_id"))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("refund order %s still processing: %s", row.getString("order_id"), failure);
                            return null;
                        }))
                .collect().last()
                .chain(this::countPending).invoke(pending::set).replaceWithVoid();
    }

    private Uni<Long> countPending() {
        return pool.query("SELECT count(*) FROM customer_order WHERE order_type = 4 AND status = 3").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Completed: the order shows what billing gave back to each kind of account, as the bill lines do. */
    private Uni<Void> refunded(String refundOrderId, List<String> lineIds, BillingModels.Charged refunded) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE customer_order SET status = 5, payment_time = $2, stored_card_amount = $3,
                               consumed_amount = $4
                         WHERE order_id = $1 AND status = 3""")
                .execute(Tuple.of(refundOrderId, utc(clock.instant()), Numeric.create(refunded.storedCardAmount()),
                        Numeric.create(refunded.cashAmount().add(refunded.creditAmount()))))
                .flatMap(updated -> updated.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : LinePayments.record(connection, refundOrderId, lineIds, refunded)));
    }

    private static List<String> lineIds(Iterable<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getString("line_id")));
        return ids;
    }

    private Uni<Void> finish(String refundOrderId, int status) {
        return pool.preparedQuery("""
                        UPDATE customer_order SET status = $2, payment_time = $3 WHERE order_id = $1 AND status = 3""")
                .execute(Tuple.of(refundOrderId, status, utc(clock.instant())))
                .replaceWithVoid();
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
