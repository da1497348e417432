package io.openbss.billing.coupons;

import java.math.BigDecimal;

/**
 * A reclaim as posted: {@code amount} is what went back into the source coupon (0.00 when nothing was left);
 * {@code replayed} is true when an earlier reclaim with the same key is returned.
 */
public record ReclaimedCoupon(String couponId,
        String sourceCouponId, BigDecimal amount,
        boolean replayed, long entryId) {
}
