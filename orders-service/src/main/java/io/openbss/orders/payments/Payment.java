package io.openbss.orders.payments;

import io.openbss.orders.orders.PaymentStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A payment attempt as recorded: what it charges (coupons, discount, per-line amounts), the amount it charges before
 * coupons, and its outcome.
 */
record Payment(String orderId, int attempt, PaymentStatus status, List<String> couponIds, String discountId,
        BigDecimal amount, String requestHash, JsonObject result, OffsetDateTime createdAt) {

    static Payment of(Row row) {
        return new Payment(row.getString("order_id"), row.getInteger("attempt"),
                PaymentStatus.valueOf(row.getString("status")),
                Arrays.asList(row.getArrayOfStrings("coupon_ids")), row.getString("discount_id"),
                row.getBigDecimal("amount"), row.getString("request_hash"), row.getJsonObject("result"),
                row.getOffsetDateTime("created_at"));
    }

    /** The ledger's idempotency key: one per attempt; an attempt starts only when the one before charged nothing. */
    String ledgerKey() {
        return "order:" + orderId + ":" + attempt;
    }

    /** The discount a line is charged with under this payment. */
    BigDecimal discountOf(OrderToPay.Line line, Map<String, BigDecimal> offer) {
        if (discountId == null) {
            return line.bestDiscount();
        }
        return offer.getOrDefault(line.lineId(), BigDecimal.ZERO.setScale(2));
    }
}
