package io.openbss.orders.payments;

import io.openbss.orders.orders.PaymentStatus;
import static io.openbss.orders.orders.PaymentStatus.FAILED;
import static io.openbss.orders.orders.PaymentStatus.PENDING;
import static io.openbss.orders.orders.PaymentStatus.SUCCEEDED;

import io.openbss.common.reconcile.PendingWork;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.orders.OrderTransitions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every status change of a payment attempt: recorded pending (with the order moved from pending payment to
 * processing), then succeeded when the ledger charged it or failed when the ledger refused it (with the order
 * waiting for payment again). Only a pending attempt is finished, once: a request and the reconciler may both try.
 */
@ApplicationScoped
public class PaymentTransitions {

    /** The attempts the reconciler finishes: those still pending. */
    static final PendingWork UNFINISHED = new PendingWork("order_payment", List.of("order_id", "attempt"),
            Map.of("status", PENDING.name()));

    @Inject
    Pool pool;

    @Inject
    PaymentStore store;

    @Inject
    OrderTransitions orders;

    @Inject
    OrdersConfig config;

    /**
     * Starts a payment attempt: the order goes from pending payment to processing and the attempt is recorded
     * pending, due to the reconciler after the grace, in one statement; null when the order was not waiting for
     * payment any more.
     */
    Uni<Payment> start(String orderId, List<String> couponIds, String discountId, BigDecimal amount, String hash) {
        OffsetDateTime now = store.now();
        return pool.preparedQuery("WITH " + OrderTransitions.START_PAYMENT + """
                         INSERT INTO order_payment (order_id, attempt, status, coupon_ids, discount_id, amount,
                            request_hash, next_attempt_at, created_at)
                        SELECT order_id, (SELECT coalesce(max(attempt), 0) + 1 FROM order_payment
                                           WHERE order_id = $1::text),
                               $8::text, $2::text[], $3::text, $4::numeric, $5::text, $6::timestamptz,
                               $7::timestamptz
                          FROM started
                        RETURNING *""")
                .execute(Tuple.from(Arrays.asList(orderId, couponIds.toArray(String[]::new), discountId,
                        Numeric.create(amount), hash, now.plus(config.reconciler().grace()), now, PENDING.name())))
                .map(rows -> rows.size() == 0 ? null : Payment.of(rows.iterator().next()));
    }

    /** The ledger charged the attempt: pending → succeeded; false when a request or the reconciler was first. */
    Uni<Boolean> succeed(SqlConnection connection, Payment payment, JsonObject charged) {
        return finish(connection, payment, SUCCEEDED, charged);
    }

    /**
     * The ledger refused the attempt, so it charged nothing: pending → failed, and the order goes back from
     * processing to pending payment; false when a request or the reconciler was first.
     */
    Uni<Boolean> fail(Payment payment, JsonObject error) {
        return pool.withTransaction(connection -> finish(connection, payment, FAILED, error)
                .call(finished -> !finished ? Uni.createFrom().voidItem()
                        : orders.refusePayment(connection, payment.orderId())));
    }

    private Uni<Boolean> finish(SqlConnection connection, Payment payment, PaymentStatus to, JsonObject result) {
        return connection.preparedQuery("""
                        UPDATE order_payment SET status = $4, result = $5, finished_at = $6
                         WHERE order_id = $1 AND attempt = $2 AND status = $3""")
                .execute(Tuple.of(payment.orderId(), payment.attempt(), PENDING.name(), to.name(), result,
                        store.now()))
                .map(rows -> rows.rowCount() > 0);
    }
}
