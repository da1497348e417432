package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;


/**
 * Take back what is left of a transferred coupon. The optional fields are what the caller believes: the customer
 * holding the coupon, the coupon it was split from, and that coupon's customer; a mismatch refuses the reclaim.
 */
public record CouponReclaim(String idempotencyKey,
        String customerId, String sourceCouponId,
        String sourceCustomerId) {

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        optionalText("customer_id", customerId, 64);
        optionalText("source_coupon_id", sourceCouponId, 64);
        optionalText("source_customer_id", sourceCustomerId, 64);
    }
}
