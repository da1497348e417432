package io.openbss.billing.usage;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.time.Instant;

/** One metering record: how much of a usage type a pay-per-use resource used over a time span. */
public record UsageRecordInput(String recordId,
        String customerId, String resourceId,
        String resourceName,
        String serviceTypeCode,
        String resourceTypeCode, String regionCode,
        String resourceSpec, Integer resourceSize,
        Integer sizeMeasureId,
        String usageTypeCode, BigDecimal usage,
        Integer usageMeasureId, String beginTime,
        String endTime,
        String enterpriseProjectId) {

    void validate(String at) {
        requiredText(at + "record_id", recordId, 128);
        requiredText(at + "customer_id", customerId, 64);
        requiredText(at + "resource_id", resourceId, 128);
        optionalText(at + "resource_name", resourceName, 256);
        requiredText(at + "service_type_code", serviceTypeCode, 64);
        requiredText(at + "resource_type_code", resourceTypeCode, 64);
        requiredText(at + "region_code", regionCode, 64);
        requiredText(at + "resource_spec", resourceSpec, 128);
        checkRange(at + "resource_size", resourceSize, 1, Integer.MAX_VALUE, null);
        requiredText(at + "usage_type_code", usageTypeCode, 64);
        if (usage == null || usage.signum() < 0 || usage.scale() > 8) {
            throw BssException.badParameter(at + "usage", "is required, >= 0, with at most 8 decimals");
        }
        if (usageMeasureId == null) {
            throw BssException.badParameter(at + "usage_measure_id", "is required");
        }
        Instant begin = optionalInstant(at + "begin_time", requiredText(at + "begin_time", beginTime, 20));
        Instant end = optionalInstant(at + "end_time", requiredText(at + "end_time", endTime, 20));
        if (end.isBefore(begin)) {
            throw BssException.badParameter(at + "end_time", "must not be before begin_time");
        }
        optionalText(at + "enterprise_project_id", enterpriseProjectId, 64);
    }
}
