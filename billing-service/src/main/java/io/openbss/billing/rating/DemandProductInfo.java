package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;

/** DemandProductInfo of the SDK: a pay-per-use product to price for an amount of usage. */
public record DemandProductInfo(String id,
        String cloudServiceType,
        String resourceType, String resourceSpec,
        String region, String availableZone,
        Integer resourceSize, Integer sizeMeasureId,
        String usageFactor, BigDecimal usageValue,
        Integer usageMeasureId,
        Integer subscriptionNum) {

    OnDemandItem validated(String at) {
        ProductSpec spec = ProductSpec.validated(at, id, cloudServiceType, resourceType, resourceSpec, region,
                availableZone, resourceSize, sizeMeasureId);
        requiredText(at + "usage_factor", usageFactor, 64);
        if (usageValue == null || usageValue.signum() <= 0) {
            throw BssException.badParameter(at + "usage_value", "is required and must be > 0");
        }
        int measure = checkRange(at + "usage_measure_id", PeriodProductInfo.required(at + "usage_measure_id",
                usageMeasureId), 0, 100, null);
        int quantity = checkRange(at + "subscription_num", PeriodProductInfo.required(at + "subscription_num",
                subscriptionNum), 1, 10000, null);
        return new OnDemandItem(spec, usageFactor, usageValue, measure, quantity);
    }
}
