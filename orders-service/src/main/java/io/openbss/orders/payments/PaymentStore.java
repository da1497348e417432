package io.openbss.orders.payments;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.remote.ReconcilerConfig;
import io.openbss.orders.OrdersConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders, their lines and offers as payments read them, and the payment records. */
@ApplicationScoped
public class PaymentStore {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    Uni<OrderToPay> order(String orderId) {
        return pool.preparedQuery("SELECT * FROM customer_order WHERE order_id = $1").execute(Tuple.of(orderId))
                .flatMap(orders -> {
                    if (orders.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row o = orders.iterator().next();
                    return pool.preparedQuery("SELECT * FROM order_line WHERE order_id = $1 ORDER BY line_id")
                            .execute(Tuple.of(orderId)).map(rows -> {
                                List<OrderToPay.Line> lines = new ArrayList<>();
                                rows.forEach(row -> lines.add(OrderToPay.Line.of(row)));
                                return new OrderToPay(orderId, o.getString("customer_id"),
                                        o.getString("payer_customer_id"), o.getInteger("status"),
                                        o.getInteger("order_type"), o.getInteger("source_type"),
                                        o.getOffsetDateTime("pending_payment_end_time"),
                                        lines);
                            });
                });
    }

    /** The discount each line gets from one of the order's offers (empty when the order has no such offer). */
    Uni<Map<String, BigDecimal>> offer(String orderId, String discountId) {
        return pool.preparedQuery("""
                        SELECT line_id, discount_amount FROM order_discount_offer
                         WHERE order_id = $1 AND discount_id = $2""")
                .execute(Tuple.of(orderId, discountId)).map(rows -> {
                    Map<String, BigDecimal> amounts = new HashMap<>();
                    rows.forEach(row -> amounts.put(row.getString("line_id"), row.getBigDecimal("discount_amount")));
                    return amounts;
                });
    }

    /** The order's payment that is in flight or done, if any. */
    Uni<Payment> livePayment(String orderId) {
        return pool.preparedQuery("""
                        SELECT * FROM order_payment WHERE order_id = $1 AND status IN ('PENDING', 'SUCCEEDED')""")
                .execute(Tuple.of(orderId)).map(PaymentStore::first);
    }

    /**
     * Starts a payment attempt: the order goes from pending payment to processing and the attempt is recorded, in
     * one transaction; null when the order was not waiting for payment any more.
     */
    Uni<Payment> start(String orderId, List<String> couponIds, String discountId, BigDecimal amount, String hash) {
        OffsetDateTime now = now();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE customer_order SET status = 3 WHERE order_id = $1 AND status = 6
                        RETURNING order_id""").execute(Tuple.of(orderId))
                .flatMap(updated -> updated.size() == 0 ? Uni.createFrom().nullItem()
                        : connection.preparedQuery("""
                                        INSERT INTO order_payment (order_id, attempt, status, coupon_ids, discount_id,
                                            amount, request_hash, next_attempt_at, created_at)
                                        VALUES ($1::text, (SELECT coalesce(max(attempt), 0) + 1 FROM order_payment
                                                            WHERE order_id = $1::text),
                                                'PENDING', $2, $3, $4, $5, $6, $7)
                                        RETURNING *""")
                                .execute(Tuple.from(Arrays.asList(orderId,
                                        couponIds.toArray(String[]::new), discountId, Numeric.create(amount), hash,
                                        now.plus(config.reconciler().grace()), now)))
                                .map(PaymentStore::first)));
    }

    /** Ends a refused attempt: it charged nothing, and the order waits for payment again. */
    Uni<Boolean> fail(Payment payment, JsonObject error) {
        return pool.withTransaction(connection -> finish(connection, payment, Payment.FAILED, error)
                .call(finished -> !finished ? Uni.createFrom().voidItem() : connection.preparedQuery(
                                "UPDATE customer_order SET status = 6 WHERE order_id = $1 AND status = 3")
                        .execute(Tuple.of(payment.orderId())).replaceWithVoid()));
    }

    /** Marks the attempt finished; false when someone (a request or the reconciler) finished it first. */
    Uni<Boolean> finish(SqlConnection connection, Payment payment, String status, JsonObject result) {
        return connection.preparedQuery("""
                        UPDATE order_payment SET status = $3, result = $4, finished_at = $5
                         WHERE order_id = $1 AND attempt = $2 AND status = 'PENDING' RETURNING order_id""")
                .execute(Tuple.of(payment.orderId(), payment.attempt(), status, result, now()))
                .map(rows -> rows.size() > 0);
    }

    /** Due pending attempts, claimed with their next attempt moved away (doubling the wait each time). */
    Uni<List<Payment>> claimDue() {
        ReconcilerConfig reconciler = config.reconciler();
        return pool.preparedQuery("""
                        UPDATE order_payment p
                           SET attempts = p.attempts + 1,
                               next_attempt_at = $1 + make_interval(secs => LEAST($2::float8,
                                                     $3::float8 * power(2, LEAST(p.attempts, 16))))
                          FROM (SELECT order_id, attempt FROM order_payment
                                 WHERE status = 'PENDING' AND next_attempt_at <= $1
                                 ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
                         WHERE p.order_id = due.order_id AND p.attempt = due.attempt
                        RETURNING p.*""")
                .execute(Tuple.of(now(), (double) reconciler.maxBackoff().toSeconds(),
                        (double) reconciler.grace().toSeconds(), reconciler.batchSize()))
                .map(rows -> {
                    List<Payment> due = new ArrayList<>();
                    rows.forEach(row -> due.add(Payment.of(row)));
                    return due;
                });
    }

    Uni<Long> countPending() {
        return pool.query("SELECT count(*) FROM order_payment WHERE status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static Payment first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Payment.of(rows.iterator().next());
    }
}
