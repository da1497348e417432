package io.openbss.billing.coupons;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** ListSubCustomerCoupons and ListStoredValueCards answers, as the SDK's models name them. */
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
