package io.openbss.orders.orders;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds one order for a caller: its own, or one it pays for a sub-account. An unknown id is 400 CBC.0101 (as
 * PayOrders answers), another customer's order 403 CBC.0150.
 */
@ApplicationScoped
public class OrderLookup {

    @Inject
    Pool pool;

    /** The order's row with {@code line_count}, the number of its lines. */
    public Uni<Row> visibleTo(String callerId, String orderId) {
        return pool.preparedQuery("""
                        SELECT o.*, (SELECT count(*) FROM order_line l WHERE l.order_id = o.order_id) AS line_count
                          FROM customer_order o WHERE o.order_id = $1""")
                .execute(Tuple.of(orderId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw unknown(orderId);
                    }
                    Row order = rows.iterator().next();
                    if (!callerId.equals(order.getString("customer_id"))
                            && !callerId.equals(order.getString("payer_customer_id"))) {
                        throw BssException.foreignObject("order " + orderId);
                    }
                    return order;
                });
    }

    static BssException unknown(String orderId) {
        return new BssException(ErrorCode.INVALID_PARAMETER, "No order " + orderId);
    }
}
