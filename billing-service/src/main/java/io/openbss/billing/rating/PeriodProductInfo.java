package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.checkRange;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.error.BssException;
import java.util.Set;

/** PeriodProductInfo of the SDK: a yearly/monthly product to price. */
public record PeriodProductInfo(@JsonProperty("id") String id,
        @JsonProperty("cloud_service_type") String cloudServiceType,
        @JsonProperty("resource_type") String resourceType, @JsonProperty("resource_spec") String resourceSpec,
        @JsonProperty("region") String region, @JsonProperty("available_zone") String availableZone,
        @JsonProperty("resource_size") Integer resourceSize, @JsonProperty("size_measure_id") Integer sizeMeasureId,
        @JsonProperty("period_type") Integer periodType, @JsonProperty("period_num") Integer periodNum,
        @JsonProperty("subscription_num") Integer subscriptionNum,
        @JsonProperty("fee_installment_mode") String feeInstallmentMode) {

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
