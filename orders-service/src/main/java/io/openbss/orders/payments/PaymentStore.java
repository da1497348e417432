package io.openbss.orders.payments;

import io.openbss.orders.orders.PaymentStatus;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    /** The order with its lines, in one statement; null when there is no such order. */
    Uni<OrderToPay> order(String orderId) {
        return pool.preparedQuery("""
                        SELECT o.customer_id AS order_customer_id, o.payer_customer_id AS order_payer_customer_id,
                               o.status AS order_status, o.order_type AS order_order_type,
                               o.source_type AS order_source_type,
                               o.pending_payment_end_time AS order_pending_payment_end_time, l.*
                          FROM customer_order o LEFT JOIN order_line l ON l.order_id = o.order_id
                         WHERE o.order_id = $1
                         ORDER BY l.line_id""")
                .execute(Tuple.of(orderId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    List<OrderToPay.Line> lines = new ArrayList<>();
                    Row o = null;
                    for (Row row : rows) {
                        o = row;
                        if (row.getString("line_id") != null) { // null: an order without lines (LEFT JOIN)
                            lines.add(OrderToPay.Line.of(row));
                        }
                    }
                    return new OrderToPay(orderId, o.getString("order_customer_id"),
                            o.getString("order_payer_customer_id"), OrderStatus.of(o.getInteger("order_status")),
                            OrderType.of(o.getInteger("order_order_type")), o.getInteger("order_source_type"),
                            o.getOffsetDateTime("order_pending_payment_end_time"), lines);
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
        return pool.preparedQuery("SELECT * FROM order_payment WHERE order_id = $1 AND status = ANY($2)")
                .execute(Tuple.of(orderId, new String[] {PaymentStatus.PENDING.name(),
                        PaymentStatus.SUCCEEDED.name()}))
                .map(PaymentStore::first);
    }

    OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static Payment first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Payment.of(rows.iterator().next());
    }
}
