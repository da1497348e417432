package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;

/**
 * Give part of a coupon's value to another customer (an enterprise master to its sub-account), as a new coupon.
 * {@code from_customer_id}, when given, is the customer the coupon must belong to.
 */
public record CouponTransfer(String idempotencyKey,
        String toCustomerId, BigDecimal amount,
        String fromCustomerId) {

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("to_customer_id", toCustomerId, 64);
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw BssException.badParameter("amount", "must be > 0 with at most 2 decimals");
        }
        optionalText("from_customer_id", fromCustomerId, 64);
    }
}
