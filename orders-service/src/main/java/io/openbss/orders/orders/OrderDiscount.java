package io.openbss.orders.orders;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;

/** One discount applied to an order (DiscountItemV2), a row of {@code order_discount}. */
public record OrderDiscount(String orderId, String discountType, BigDecimal discountAmount) {

    static OrderDiscount of(Row row) {
        return new OrderDiscount(row.getString("order_id"), row.getString("discount_type"),
                row.getBigDecimal("discount_amount"));
    }
}
