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

    public record CouponList(@JsonProperty("count") long count,
            @JsonProperty("user_coupons") List<UserCoupon> userCoupons) {
    }

    /** IQueryUserCouponsResultV2. */
    public record UserCoupon(@JsonProperty("coupon_id") String couponId, @JsonProperty("coupon_code") String couponCode,
            @JsonProperty("status") int status, @JsonProperty("customer_id") String customerId,
            @JsonProperty("coupon_type") int couponType, @JsonProperty("measure_id") int measureId,
            @JsonProperty("face_value") BigDecimal faceValue, @JsonProperty("valid_time") String validTime,
            @JsonProperty("expire_time") String expireTime, @JsonProperty("order_id") String orderId,
            @JsonProperty("promotion_plan_id") String promotionPlanId, @JsonProperty("plan_name") String planName,
            @JsonProperty("plan_desc") String planDesc, @JsonProperty("media_type") int mediaType,
            @JsonProperty("fetch_method") int fetchMethod, @JsonProperty("use_limits") List<UseLimit> useLimits,
            @JsonProperty("active_time") String activeTime, @JsonProperty("create_time") String createTime,
            @JsonProperty("coupon_version") int couponVersion, @JsonProperty("balance") BigDecimal balance,
            @JsonProperty("is_frozen") String isFrozen, @JsonProperty("currency") String currency,
            @JsonProperty("source_id") String sourceId) {
    }

    /** ICouponUseLimitInfoV2: {@code cloudServiceType} (value1 the services) or {@code orderAmount} (the minimum). */
    public record UseLimit(@JsonProperty("use_limiti_info_id") String id, @JsonProperty("limit_key") String limitKey,
            @JsonProperty("value1") String value1, @JsonProperty("value2") String value2,
            @JsonProperty("value_unit") String valueUnit, @JsonProperty("limit_type") String limitType,
            @JsonProperty("promotion_plan_id") String promotionPlanId) {
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
    public record ApplicableCouponList(@JsonProperty("count") long count,
            @JsonProperty("user_coupons") List<CouponInfo> userCoupons,
            @JsonProperty("coupon_max_use_quantity") List<MaxUseQuantity> couponMaxUseQuantity) {
    }

    /** CouponInfoV2: a coupon that could pay an order ({@code balance} only for coupons with value). */
    public record CouponInfo(@JsonProperty("coupon_id") String couponId,
            @JsonProperty("coupon_code") String couponCode, @JsonProperty("status") int status,
            @JsonProperty("coupon_type") int couponType, @JsonProperty("measure_id") int measureId,
            @JsonProperty("face_value") BigDecimal faceValue, @JsonProperty("effective_time") String effectiveTime,
            @JsonProperty("expire_time") String expireTime, @JsonProperty("plan_name") String planName,
            @JsonProperty("plan_desc") String planDesc, @JsonProperty("use_limits") List<UseLimit> useLimits,
            @JsonProperty("balance") BigDecimal balance, @JsonProperty("create_time") String createTime,
            @JsonProperty("coupon_version") int couponVersion, @JsonProperty("coupon_group") int couponGroup) {
    }

    /** CouponMaxUseQuantity: how many coupons of a type one payment may use. */
    public record MaxUseQuantity(@JsonProperty("coupon_type") int couponType,
            @JsonProperty("coupon_group") int couponGroup, @JsonProperty("use_quantity_value") int useQuantityValue) {
    }

    public record HeldCouponList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("coupons") List<HeldCoupon> coupons) {
    }

    /**
     * A cash coupon a customer holds, with its remaining balance. For a coupon received from another customer,
     * {@code coupon_id} is the coupon it was split from and {@code sub_coupon_id} the coupon held.
     */
    public record HeldCoupon(@JsonProperty("coupon_id") String couponId,
            @JsonProperty("sub_coupon_id") String subCouponId, @JsonProperty("plan_name") String planName,
            @JsonProperty("balance") String balance, @JsonProperty("effective_time") String effectiveTime,
            @JsonProperty("expire_time") String expireTime, @JsonProperty("use_limits") List<UseLimit> useLimits) {
    }

    public record CardList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("stored_value_cards") List<Card> storedValueCards) {
    }

    /** UserStoredValueCard. */
    public record Card(@JsonProperty("card_id") String cardId, @JsonProperty("card_name") String cardName,
            @JsonProperty("status") int status, @JsonProperty("face_value") String faceValue,
            @JsonProperty("balance") String balance, @JsonProperty("effective_time") String effectiveTime,
            @JsonProperty("expire_time") String expireTime) {
    }
}
