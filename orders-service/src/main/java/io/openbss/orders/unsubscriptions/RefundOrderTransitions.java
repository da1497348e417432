package io.openbss.orders.unsubscriptions;

import static io.openbss.orders.orders.OrderStatus.CANCELLED;
import static io.openbss.orders.orders.OrderStatus.COMPLETED;
import static io.openbss.orders.orders.OrderStatus.PROCESSING;

import io.openbss.common.reconcile.PendingWork;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Every status change of a refund order (an order of type unsubscription). It is written processing
 * ({@link #PLACED}) with its unsubscription, before billing is asked to give the money back; it is completed when
 * billing has, or cancelled when billing refuses. Each transition is guarded by the processing status and answers
 * whether it happened, so of a request and the reconciler only the first records the outcome.
 */
@ApplicationScoped
public class RefundOrderTransitions {

    /** The status a refund order is written with. */
    public static final OrderStatus PLACED = PROCESSING;

    /** The refund orders the reconciler sends to billing again: those still processing. */
    static final PendingWork UNFINISHED = new PendingWork("customer_order", List.of("order_id"),
            Map.of("order_type", OrderType.UNSUBSCRIPTION.code(), "status", PROCESSING.code()));

    @Inject
    Pool pool;

    /**
     * Billing gave the money back: processing → completed, showing what went back to a stored-value card and to
     * cash.
     */
    public Uni<Boolean> refunded(SqlConnection connection, String refundOrderId, BigDecimal storedCardAmount,
            BigDecimal consumedAmount, OffsetDateTime at) {
        return connection.preparedQuery("""
                        UPDATE customer_order SET status = $4, payment_time = $5, stored_card_amount = $6,
                               consumed_amount = $7
                         WHERE order_id = $1 AND order_type = $2 AND status = $3""")
                .execute(Tuple.tuple().addString(refundOrderId).addInteger(OrderType.UNSUBSCRIPTION.code())
                        .addInteger(PROCESSING.code()).addInteger(COMPLETED.code()).addOffsetDateTime(at)
                        .addValue(Numeric.create(storedCardAmount)).addValue(Numeric.create(consumedAmount)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Billing refused the refund, so nothing went back: processing → cancelled. */
    public Uni<Boolean> refused(String refundOrderId, OffsetDateTime at) {
        return pool.preparedQuery("""
                        UPDATE customer_order SET status = $4, payment_time = $5
                         WHERE order_id = $1 AND order_type = $2 AND status = $3""")
                .execute(Tuple.of(refundOrderId, OrderType.UNSUBSCRIPTION.code(), PROCESSING.code(),
                        CANCELLED.code(), at))
                .map(rows -> rows.rowCount() > 0);
    }
}
