package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An operator issues a coupon to a customer: a cash coupon (1), discount coupon (2: discount_rate off, at most
 * face_value), product coupon (3) or flexi-purchase coupon (4), possibly limited to some services and to orders of
 * a minimum amount.
 */
public record CouponIssue(String idempotencyKey,
        String customerId, Integer couponType,
        BigDecimal faceValue, BigDecimal discountRate,
        String promotionPlanId, String planName,
        String planDesc,
        List<String> serviceTypeCodes,
        BigDecimal minOrderAmount, String validTime,
        String expireTime) {

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        if (couponType == null || couponType < 1 || couponType > 4) {
            throw BssException.badParameter("coupon_type", "must be 1, 2, 3 or 4");
        }
        if (faceValue == null || faceValue.signum() <= 0 || faceValue.scale() > 2) {
            throw BssException.badParameter("face_value", "must be > 0 with at most 2 decimals");
        }
        if (couponType == 2 ? discountRate == null || discountRate.signum() <= 0
                || discountRate.compareTo(BigDecimal.ONE) >= 0 || discountRate.scale() > 4 : discountRate != null) {
            throw BssException.badParameter("discount_rate", "is required for discount coupons (0 < rate < 1), "
                    + "and only for them");
        }
        optionalText("promotion_plan_id", promotionPlanId, 64);
        requiredText("plan_name", planName, 128);
        optionalText("plan_desc", planDesc, 256);
        if (serviceTypeCodes != null) {
            for (int i = 0; i < serviceTypeCodes.size(); i++) {
                requiredText("service_type_codes[" + i + "]", serviceTypeCodes.get(i), 64);
            }
        }
        if (minOrderAmount != null && (minOrderAmount.signum() < 0 || minOrderAmount.scale() > 2)) {
            throw BssException.badParameter("min_order_amount", "must be >= 0 with at most 2 decimals");
        }
        Instant from = optionalInstant("valid_time", requiredText("valid_time", validTime, 20));
        Instant to = optionalInstant("expire_time", requiredText("expire_time", expireTime, 20));
        if (!to.isAfter(from)) {
            throw BssException.badParameter("expire_time", "must be after valid_time");
        }
    }

    public List<String> services() {
        return serviceTypeCodes == null ? List.of() : serviceTypeCodes;
    }
}
