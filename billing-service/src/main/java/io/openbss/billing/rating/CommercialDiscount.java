package io.openbss.billing.rating;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;

/** A discount granted to one customer (商务折扣), a row of {@code commercial_discount}. */
public record CommercialDiscount(String discountId, String customerId, String name, String serviceTypeCode,
        Integer chargingMode, BigDecimal discountRate, int discountType, Instant validFrom, Instant validTo) {

    static CommercialDiscount of(Row row) {
        return new CommercialDiscount(row.getString("discount_id"), row.getString("customer_id"), row.getString("name"),
                row.getString("service_type_code"), row.getInteger("charging_mode"), row.getBigDecimal("discount_rate"),
                row.getInteger("discount_type"), row.getOffsetDateTime("valid_from").toInstant(),
                row.getOffsetDateTime("valid_to").toInstant());
    }
}
