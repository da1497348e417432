package io.openbss.billing.rating;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;

/** A discount on yearly/monthly purchases open to every customer (促销折扣), a row of {@code promotion}. */
public record Promotion(String promotionId, String nameZh, String nameEn, String serviceTypeCode, Integer periodType,
        int minPeriodNum, BigDecimal discountRate, Instant validFrom, Instant validTo) {

    static Promotion of(Row row) {
        return new Promotion(row.getString("promotion_id"), row.getString("name_zh"), row.getString("name_en"),
                row.getString("service_type_code"), row.getInteger("period_type"), row.getInteger("min_period_num"),
                row.getBigDecimal("discount_rate"), row.getOffsetDateTime("valid_from").toInstant(),
                row.getOffsetDateTime("valid_to").toInstant());
    }
}
