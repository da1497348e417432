package io.openbss.enterprise.transfers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.billing.client.BillingModels;
import java.util.List;
import java.util.Map;

/** The coupon lists of the SDK: ListMultiAccountTransferCouponsResponse and ListMultiAccountRetrieveCouponsResponse. */
final class CouponViews {

    private CouponViews() {
    }

    public record TransferCoupons(int totalCount,
            @JsonProperty("avail_transfer_coupons") List<TransferCoupon> coupons) {

        static TransferCoupons of(BillingModels.CouponPage page, int limit) {
            return new TransferCoupons(page.totalCount(), page.coupons().stream().limit(limit).map(c -> new TransferCoupon(
                    c.couponId(), c.planName(), c.balance(), c.effectiveTime(), c.expireTime(), c.useLimits()))
                    .toList());
        }
    }

    /** AvailTransferCoupon of the SDK. */
    public record TransferCoupon(String couponId,
            String planName, String balance,
            String effectiveTime, String expireTime,
            List<Map<String, Object>> useLimits) {
    }

    public record RetrieveCoupons(int totalCount,
            @JsonProperty("avail_retrieve_coupons") List<RetrieveCoupon> coupons) {

        static RetrieveCoupons of(BillingModels.CouponPage page) {
            return new RetrieveCoupons(page.totalCount(), page.coupons().stream().map(c -> new RetrieveCoupon(
                    c.couponId(), c.planName(), c.subCouponId(), c.balance(), c.effectiveTime(), c.expireTime(),
                    c.useLimits())).toList());
        }
    }

    /** AvailRetrieveCoupons of the SDK. */
    public record RetrieveCoupon(String couponId,
            String planName, String subCouponId,
            String balance, String effectiveTime,
            String expireTime,
            List<Map<String, Object>> useLimits) {
    }
}
