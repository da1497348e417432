package io.openbss.orders.payments;

import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.SourceType;
import io.openbss.orders.resources.ProjectAssignment;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as a payment sees it: who pays, what state it is in, and its lines. */
record OrderToPay(String orderId, String customerId, String payerCustomerId, OrderStatus status, OrderType orderType,
        int sourceType, OffsetDateTime paymentEnd, List<Line> lines) {

    /** A line of the order, with the discount the payment applies to it. */
    record Line(String lineId, String resourceId, String mainResourceId, String serviceTypeCode,
            String serviceTypeName, String resourceTypeCode, String resourceTypeName, String resourceSpecCode,
            String regionCode, String productId, String productSpecDesc, String resourceName,
            ProjectAssignment projects, Integer resourceSize, Integer sizeMeasureId, int periodType, int periodNum,
            int maxPeriodMonths, BigDecimal officialAmount, BigDecimal bestDiscount, Instant effective,
            Instant expire) {

        static Line of(Row row) {
            return new Line(row.getString("line_id"), row.getString("resource_id"),
                    row.getString("main_resource_id"), row.getString("service_type_code"),
                    row.getString("service_type_name"), row.getString("resource_type_code"),
                    row.getString("resource_type_name"), row.getString("resource_spec_code"),
                    row.getString("region_code"), row.getString("product_id"), row.getString("product_spec_desc"),
                    row.getString("resource_name"), ProjectAssignment.of(row), row.getInteger("resource_size"),
                    row.getInteger("size_measure_id"), row.getInteger("period_type"), row.getInteger("period_num"),
                    row.getInteger("max_period_months"), row.getBigDecimal("official_amount"),
                    row.getBigDecimal("discount_amount"), instant(row.getOffsetDateTime("effective_time")),
                    instant(row.getOffsetDateTime("expire_time")));
        }

        private static Instant instant(OffsetDateTime time) {
            return time == null ? null : time.toInstant();
        }

        int months() {
            return periodType == 3 ? periodNum * 12 : periodNum;
        }
    }

    /** Made by the platform itself (source type 8), as auto-renewal orders are. */
    boolean systemMade() {
        return sourceType == SourceType.SYSTEM.code();
    }

    /** The one paying: an enterprise master for its sub-account, or the customer itself. */
    String payer() {
        return payerCustomerId != null ? payerCustomerId : customerId;
    }

    boolean mayBePaidBy(String caller) {
        return customerId.equals(caller) || caller.equals(payerCustomerId);
    }
}
