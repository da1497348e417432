package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What a charge, refund or usage deduction bills for one resource: the caller's side of a bill line. Amounts keep
 * up to 8 decimals; payable {@code amount} is official minus discount (negative for refunds).
 */
public record BillLineInput(String serviceTypeCode,
        String resourceTypeCode, String regionCode,
        String resourceId, String resourceName,
        String productId, String productSpecDesc,
        String enterpriseProjectId, String orderId,
        Integer billType, Integer chargingMode,
        Integer periodType, String usageTypeCode,
        BigDecimal usage, Integer usageMeasureId,
        BigDecimal freeResourceUsage,
        BigDecimal unitPrice, String unit,
        String effectiveTime, String expireTime,
        BigDecimal officialAmount,
        BigDecimal discountAmount, BigDecimal amount) {

    /** The bill types of the BSS API: consumption 1, 2, 3, 5, 8, 14, 18, 25, 103; refunds 4, 20, 24; adjustments 9, 16. */
    public static final Set<Integer> BILL_TYPES = Set.of(1, 2, 3, 4, 5, 8, 9, 14, 16, 18, 20, 23, 24, 25, 103);
    public static final Set<Integer> REFUND_TYPES = Set.of(4, 20, 24);
    public static final Set<Integer> PERIOD_TYPES = Set.of(5, 19, 20, 24, 25);

    public void validate(String at, boolean refund) {
        requiredText(at + "service_type_code", serviceTypeCode, 64);
        requiredText(at + "resource_type_code", resourceTypeCode, 64);
        requiredText(at + "region_code", regionCode, 64);
        optionalText(at + "resource_id", resourceId, 128);
        optionalText(at + "resource_name", resourceName, 256);
        optionalText(at + "product_id", productId, 64);
        optionalText(at + "product_spec_desc", productSpecDesc, 256);
        optionalText(at + "enterprise_project_id", enterpriseProjectId, 64);
        optionalText(at + "order_id", orderId, 64);
        if (billType == null || !BILL_TYPES.contains(billType) || REFUND_TYPES.contains(billType) != refund) {
            throw BssException.badParameter(at + "bill_type", refund ? "must be a refund type " + REFUND_TYPES
                    : "must be a consumption bill type");
        }
        if (chargingMode == null || (chargingMode != 1 && chargingMode != 3)) {
            throw BssException.badParameter(at + "charging_mode", "must be 1 (yearly/monthly) or 3 (pay-per-use)");
        }
        if (periodType != null && !PERIOD_TYPES.contains(periodType)) {
            throw BssException.badParameter(at + "period_type", "must be one of " + PERIOD_TYPES);
        }
        optionalText(at + "usage_type_code", usageTypeCode, 64);
        optionalInstant(at + "effective_time", effectiveTime);
        optionalInstant(at + "expire_time", expireTime);
        money(at + "official_amount", officialAmount);
        money(at + "discount_amount", discountAmount);
        money(at + "amount", amount);
        if (amount.compareTo(officialAmount.subtract(discountAmount)) != 0) {
            throw BssException.badParameter(at + "amount", "must be official_amount - discount_amount");
        }
        if (refund ? amount.signum() > 0 : amount.signum() < 0) {
            throw BssException.badParameter(at + "amount", refund ? "must be <= 0 for a refund" : "must be >= 0");
        }
    }

    private static void money(String name, BigDecimal value) {
        if (value == null) {
            throw BssException.badParameter(name, "is required");
        }
        if (value.scale() > 8) {
            throw BssException.badParameter(name, "has at most 8 decimals");
        }
    }

    /** The same line with more discount (a discount coupon). */
    public BillLineInput discountedBy(BigDecimal more) {
        return new BillLineInput(serviceTypeCode, resourceTypeCode, regionCode, resourceId, resourceName, productId,
                productSpecDesc, enterpriseProjectId, orderId, billType, chargingMode, periodType, usageTypeCode, usage,
                usageMeasureId, freeResourceUsage, unitPrice, unit, effectiveTime, expireTime, officialAmount,
                discountAmount.add(more), amount.subtract(more));
    }
}
