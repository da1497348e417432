package io.openbss.billing.coupons;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A reclaim as posted: {@code amount} is what went back into the source coupon (0.00 when nothing was left);
 * {@code replayed} is true when an earlier reclaim with the same key is returned.
 */
public record ReclaimedCoupon(@JsonProperty("coupon_id") String couponId,
        @JsonProperty("source_coupon_id") String sourceCouponId, @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("replayed") boolean replayed, @JsonProperty("entry_id") long entryId) {
}
