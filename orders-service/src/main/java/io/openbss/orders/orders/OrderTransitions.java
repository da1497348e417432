package io.openbss.orders.orders;

import static io.openbss.orders.orders.OrderStatus.CANCELLED;
import static io.openbss.orders.orders.OrderStatus.COMPLETED;
import static io.openbss.orders.orders.OrderStatus.PENDING_PAYMENT;
import static io.openbss.orders.orders.OrderStatus.PROCESSING;

import io.openbss.orders.resources.ResourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Every status change of a customer's new-purchase or renewal order (refund orders have
 * {@code unsubscriptions.RefundOrderTransitions}). An order is written waiting for payment ({@link #PLACED}); a
 * payment moves it to processing, then to completed, or back to waiting when the ledger refuses it; an order waiting
 * for payment can be cancelled. Each transition is one statement guarded by the status it leaves, so of two that
 * race (a payment starting and a cancellation) exactly one happens, and each answers whether it did.
 */
@ApplicationScoped
public class OrderTransitions {

    /** The status an order is written with. */
    public static final OrderStatus PLACED = PENDING_PAYMENT;

    /** What billing charged for a paid order: the order shows it instead of its price. */
    public record Paid(BigDecimal amountAfterDiscount, BigDecimal couponAmount, BigDecimal storedCardAmount,
            BigDecimal consumedAmount) {
    }

    @Inject
    Pool pool;

    /**
     * A payment starts: pending payment → processing. A data-modifying common table expression named
     * {@code started}, for the one statement that starts a payment and records its attempt (the order's id is its
     * {@code $1}): it yields the order's id when the order moved.
     */
    public static final String START_PAYMENT = "started AS (UPDATE customer_order SET status = " + PROCESSING.code()
            + " WHERE order_id = $1::text AND status = " + PENDING_PAYMENT.code() + " RETURNING order_id)";

    /** The ledger refused the payment, so it charged nothing: processing → pending payment. */
    public Uni<Boolean> refusePayment(SqlClient client, String orderId) {
        return move(client, orderId, PROCESSING, PENDING_PAYMENT);
    }

    /** The ledger charged the order: processing → completed, showing what was charged. */
    public Uni<Boolean> complete(SqlConnection connection, String orderId, Paid paid, OffsetDateTime paidAt) {
        return connection.preparedQuery("""
                        UPDATE customer_order SET status = $3, payment_time = $4, amount_after_discount = $5,
                               coupon_amount = $6, stored_card_amount = $7, consumed_amount = $8
                         WHERE order_id = $1 AND status = $2""")
                .execute(Tuple.tuple().addString(orderId).addInteger(PROCESSING.code()).addInteger(COMPLETED.code())
                        .addOffsetDateTime(paidAt).addValue(Numeric.create(paid.amountAfterDiscount()))
                        .addValue(Numeric.create(paid.couponAmount()))
                        .addValue(Numeric.create(paid.storedCardAmount()))
                        .addValue(Numeric.create(paid.consumedAmount())))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The customer (or the master paying for it) cancels: pending payment → cancelled. */
    public Uni<Boolean> cancel(String orderId, String callerId) {
        return pool.preparedQuery("""
                        UPDATE customer_order SET status = $3
                         WHERE order_id = $1 AND status = $2 AND (customer_id = $4 OR payer_customer_id = $4)""")
                .execute(Tuple.of(orderId, PENDING_PAYMENT.code(), CANCELLED.code(), callerId))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * The statement of {@link #cancelUnpaid}: the due orders are claimed once, through the index of orders waiting
     * for payment by the end of their window, whatever plan joins them to the update.
     */
    static final String CANCEL_UNPAID = """
            WITH due AS MATERIALIZED (
                SELECT order_id FROM customer_order
                 WHERE status = $3 AND pending_payment_end_time <= $1
                 LIMIT $2 FOR UPDATE SKIP LOCKED)
            UPDATE customer_order o SET status = $4
              FROM due
             WHERE o.order_id = due.order_id AND o.status = $3
            RETURNING o.order_id""";

    /**
     * Up to {@code batch} orders whose payment window closed by {@code now}: pending payment → cancelled. Answers how
     * many were cancelled; orders another run holds are skipped.
     */
    public Uni<Integer> cancelUnpaid(OffsetDateTime now, int batch) {
        return pool.preparedQuery(CANCEL_UNPAID)
                .execute(Tuple.of(now, batch, PENDING_PAYMENT.code(), CANCELLED.code()))
                .map(rows -> rows.size());
    }

    /**
     * Renewal orders of resources that were deleted while they waited for payment: pending payment → cancelled.
     * Answers how many were cancelled.
     */
    public Uni<Integer> cancelRenewalsOfDeletedResources() {
        return pool.preparedQuery("""
                        UPDATE customer_order SET status = $2
                         WHERE status = $1 AND order_type = $3
                           AND order_id IN (SELECT l.order_id FROM order_line l
                                              JOIN subscription s ON s.resource_id = l.resource_id
                                             WHERE s.status = $4)""")
                .execute(Tuple.of(PENDING_PAYMENT.code(), CANCELLED.code(), OrderType.RENEWAL.code(),
                        ResourceStatus.DELETED.code()))
                .map(rows -> rows.rowCount());
    }

    private static Uni<Boolean> move(SqlClient client, String orderId, OrderStatus from, OrderStatus to) {
        return client.preparedQuery("UPDATE customer_order SET status = $3 WHERE order_id = $1 AND status = $2")
                .execute(Tuple.of(orderId, from.code(), to.code())).map(rows -> rows.rowCount() > 0);
    }
}
