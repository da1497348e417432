package io.openbss.billing.freeresources;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A resource package given to (or bought by) a customer: quotas of usage per usage type. */
public record PackageGrant(String idempotencyKey,
        String customerId, String orderId,
        String productId, String productName,
        String serviceTypeCode, String regionCode,
        String enterpriseProjectId,
        String effectiveTime, String expireTime,
        Integer quotaReuseMode,
        List<Quota> freeResources) {

    public record Quota(String resourceTypeCode,
            String usageTypeCode, BigDecimal amount,
            Integer measureId) {
    }

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        optionalText("order_id", orderId, 64);
        requiredText("product_id", productId, 64);
        requiredText("product_name", productName, 256);
        requiredText("service_type_code", serviceTypeCode, 64);
        requiredText("region_code", regionCode, 64);
        optionalText("enterprise_project_id", enterpriseProjectId, 64);
        Instant from = optionalInstant("effective_time", requiredText("effective_time", effectiveTime, 20));
        Instant to = optionalInstant("expire_time", requiredText("expire_time", expireTime, 20));
        if (!to.isAfter(from)) {
            throw BssException.badParameter("expire_time", "must be after effective_time");
        }
        checkRange("quota_reuse_mode", quotaReuseMode, 1, 2, 2);
        if (freeResources == null || freeResources.isEmpty() || freeResources.size() > 20) {
            throw BssException.badParameter("free_resources", "must hold 1 to 20 quotas");
        }
        for (int i = 0; i < freeResources.size(); i++) {
            Quota q = freeResources.get(i);
            String at = "free_resources[" + i + "].";
            if (q == null) {
                throw BssException.badParameter("free_resources[" + i + "]", "must be an object");
            }
            requiredText(at + "resource_type_code", q.resourceTypeCode(), 64);
            requiredText(at + "usage_type_code", q.usageTypeCode(), 64);
            if (q.amount() == null || q.amount().signum() <= 0 || q.amount().scale() > 8) {
                throw BssException.badParameter(at + "amount", "must be > 0 with at most 8 decimals");
            }
            if (q.measureId() == null) {
                throw BssException.badParameter(at + "measure_id", "is required");
            }
        }
    }
}
