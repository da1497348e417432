package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;

/**
 * One spec of one resource type in one region, with its yearly/monthly prices (per unit of size if linear): a row of
 * {@code product}. {@code sizeMeasureId} is set for linear products (disks, bandwidth), whose prices are per unit of
 * that measure.
 */
public record Product(String productId, String serviceTypeCode, String resourceTypeCode, String resourceSpec,
        String regionCode, String specDescZh, String specDescEn, String resourceTypeNameZh, Integer sizeMeasureId,
        BigDecimal monthPrice, BigDecimal yearPrice, int maxPeriodMonths) {

    /** A row of {@code product} with its resource type's Chinese name as {@code resource_type_name_zh}. */
    public static Product of(Row row) {
        return new Product(row.getString("product_id"), row.getString("service_type_code"),
                row.getString("resource_type_code"), row.getString("resource_spec"), row.getString("region_code"),
                row.getString("spec_desc_zh"), row.getString("spec_desc_en"), row.getString("resource_type_name_zh"),
                row.getInteger("size_measure_id"), row.getBigDecimal("month_price"), row.getBigDecimal("year_price"),
                row.getInteger("max_period_months"));
    }

    public boolean linear() {
        return sizeMeasureId != null;
    }
}
