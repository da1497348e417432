package io.openbss.billing.coupons;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * ListSubCustomerCoupons and ListStoredValueCards answers, as the SDK's models name them, the coupons that could pay
 * a pending order (ListOrderCouponsByOrderId), and the internal lists of coupons an enterprise master can give to,
 * or take back from, its sub-accounts.
 */
public final class CouponViews {

    private CouponViews() {
    }

    public record CouponList(long count,
            List<UserCoupon> userCoupons) {
    }

    /** IQueryUserCouponsResultV2. */
    public record UserCoupon(String couponId, String couponCode,
            int status, String customerId,
            int couponType, int measureId,
            BigDecimal faceValue, String validTime,
            String expireTime, String orderId,
            String promotionPlanId, String planName,
            String planDesc, int mediaType,
            int fetchMethod, List<UseLimit> useLimits,
            String activeTime, String createTime,
            int couponVersion, BigDecimal balance,
            String isFrozen, String currency,
            String sourceId) {
    }

    /** ICouponUseLimitInfoV2: {@code cloudServiceType} (value1 the services) or {@code orderAmount} (the minimum). */
    public record UseLimit(@JsonProperty("use_limiti_info_id") String id, String limitKey,
            String value1, String value2,
            String valueUnit, String limitType,
            String promotionPlanId) {
    }

    /** The use limits of a coupon row (its service_type_codes and min_order_amount). */
    static List<UseLimit> useLimits(Row row) {
        List<UseLimit> limits = new ArrayList<>();
        String[] services = row.getArrayOfStrings("service_type_codes");
        String planId = row.getString("promotion_plan_id");
        if (services.length > 0) {
            limits.add(new UseLimit(row.getString("coupon_id") + "-services", "cloudServiceType",
                    String.join(",", services), null, null, "INCLUDE", planId));
        }
        if (row.getBigDecimal("min_order_amount") != null) {
            limits.add(new UseLimit(row.getString("coupon_id") + "-minimum", "orderAmount",
                    row.getBigDecimal("min_order_amount").toPlainString(), null, "CNY", "MIN", planId));
        }
        return limits;
    }

    /** ListOrderCouponsByOrderIdResponse. */
    public record ApplicableCouponList(long count,
            List<CouponInfo> userCoupons,
            List<MaxUseQuantity> couponMaxUseQuantity) {
    }

    /** CouponInfoV2: a coupon that could pay an order ({@code balance} only for coupons with value). */
    public record CouponInfo(String couponId,
            String couponCode, int status,
            int couponType, int measureId,
            BigDecimal faceValue, String effectiveTime,
            String expireTime, String planName,
            String planDesc, List<UseLimit> useLimits,
            BigDecimal balance, String createTime,
            int couponVersion, int couponGroup) {
    }

    /** CouponMaxUseQuantity: how many coupons of a type one payment may use. */
    public record MaxUseQuantity(int couponType,
            int couponGroup, int useQuantityValue) {
    }

    public record HeldCouponList(long totalCount,
            List<HeldCoupon> coupons) {
    }

    /**
     * A cash coupon a customer holds, with its remaining balance. For a coupon received from another customer,
     * {@code coupon_id} is the coupon it was split from and {@code sub_coupon_id} the coupon held.
     */
    public record HeldCoupon(String couponId,
            String subCouponId, String planName,
            String balance, String effectiveTime,
            String expireTime, List<UseLimit> useLimits) {
    }

    public record CardList(long totalCount,
            List<Card> storedValueCards) {
    }

    /** UserStoredValueCard. */
    public record Card(String cardId, String cardName,
            int status, String faceValue,
            String balance, String effectiveTime,
            String expireTime) {
    }
}
