package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;

/**
 * The pay-per-use price of a product for one usage type, per unit of usage (and of size if linear): a row of
 * {@code on_demand_price}.
 */
public record OnDemandPrice(String productId, String usageTypeCode, int usageMeasureId, BigDecimal unitPrice) {

    public static OnDemandPrice of(Row row) {
        return new OnDemandPrice(row.getString("product_id"), row.getString("usage_type_code"),
                row.getInteger("usage_measure_id"), row.getBigDecimal("unit_price"));
    }
}
