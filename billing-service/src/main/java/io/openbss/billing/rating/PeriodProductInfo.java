package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.checkRange;

import io.openbss.common.error.BssException;
import java.util.Set;

/** PeriodProductInfo of the SDK: a yearly/monthly product to price. */
public record PeriodProductInfo(String id,
        String cloudServiceType,
        String resourceType, String resourceSpec,
        String region, String availableZone,
        Integer resourceSize, Integer sizeMeasureId,
        Integer periodType, Integer periodNum,
        Integer subscriptionNum,
        String feeInstallmentMode) {

    /** 0 day, 2 month, 3 year, 4 hour. */
    static final Set<Integer> PERIOD_TYPES = Set.of(0, 2, 3, 4);

    PeriodItem validated(String at) {
        ProductSpec spec = ProductSpec.validated(at, id, cloudServiceType, resourceType, resourceSpec, region,
                availableZone, resourceSize, sizeMeasureId);
        if (periodType == null || !PERIOD_TYPES.contains(periodType)) {
            throw BssException.badParameter(at + "period_type", "must be one of [0, 2, 3, 4]");
        }
        int num = checkRange(at + "period_num", required(at + "period_num", periodNum), 1, Integer.MAX_VALUE, null);
        int quantity = checkRange(at + "subscription_num", required(at + "subscription_num", subscriptionNum), 1,
                10000, null);
        if (feeInstallmentMode != null && !feeInstallmentMode.isEmpty() && !feeInstallmentMode.equals("NA")) {
            throw BssException.badParameter(at + "fee_installment_mode", "only NA is supported");
        }
        return new PeriodItem(spec, periodType, num, quantity);
    }

    static Integer required(String name, Integer value) {
        if (value == null) {
            throw BssException.badParameter(name, "is required");
        }
        return value;
    }
}
