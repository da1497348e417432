package io.openbss.orders.imports;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import io.openbss.orders.resources.ProjectAssignment;
import java.time.Instant;
import java.util.List;

/**
 * Yearly/monthly resources an operator brings from elsewhere (another BSS, or the demo): each belongs to an order
 * already recorded for its customer. Main resources first; a subordinate names its main one. Each is a product of
 * billing's catalog, which names its product id, spec description and resource type.
 */
public record ResourceImport(List<Resource> resources) {

    public record Resource(String resourceId,
            String customerId, String orderId,
            String mainResourceId,
            String serviceTypeCode,
            String serviceTypeName,
            String resourceTypeCode,
            String resourceSpecCode,
            String regionCode, String resourceName,
            Integer resourceSize,
            Integer sizeMeasureId,
            Integer periodType, Integer periodNum,
            String effectiveTime, String expireTime,
            Integer expirePolicy,
            Integer autoRenewTimes, String projectId,
            String enterpriseProjectId,
            String enterpriseProjectName) {

        ProjectAssignment projects() {
            return ProjectAssignment.of(projectId, enterpriseProjectId, enterpriseProjectName);
        }

        Instant effective() {
            return RequestParameters.optionalInstant("effective_time", effectiveTime);
        }

        Instant expire() {
            return RequestParameters.optionalInstant("expire_time", expireTime);
        }

        int months() {
            return periodType == 3 ? periodNum * 12 : periodNum;
        }
    }

    public void validate() {
        if (resources == null || resources.isEmpty() || resources.size() > 1000) {
            throw BssException.badParameter("resources", "must hold 1 to 1000 resources");
        }
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            String at = "resources[" + i + "].";
            if (r == null) {
                throw BssException.badParameter("resources[" + i + "]", "must be an object");
            }
            requiredText(at + "resource_id", r.resourceId(), 64);
            requiredText(at + "customer_id", r.customerId(), 64);
            requiredText(at + "order_id", r.orderId(), 64);
            optionalText(at + "main_resource_id", r.mainResourceId(), 64);
            requiredText(at + "service_type_code", r.serviceTypeCode(), 64);
            optionalText(at + "service_type_name", r.serviceTypeName(), 128);
            requiredText(at + "resource_type_code", r.resourceTypeCode(), 64);
            requiredText(at + "resource_spec_code", r.resourceSpecCode(), 128);
            requiredText(at + "region_code", r.regionCode(), 64);
            optionalText(at + "resource_name", r.resourceName(), 256);
            r.projects().validate(at);
            if (r.periodType() == null || r.periodNum() == null) {
                throw BssException.badParameter(at + "period_type", "period_type and period_num are required");
            }
            checkRange(at + "period_type", r.periodType(), 2, 3, null);
            checkRange(at + "period_num", r.periodNum(), 1, r.periodType() == 2 ? 11 : 3, null);
            checkRange(at + "expire_policy", r.expirePolicy(), 0, 5, 0);
            checkRange(at + "auto_renew_times", r.autoRenewTimes(), 0, 99, null);
            Instant effective = RequestParameters.optionalInstant(at + "effective_time", r.effectiveTime());
            Instant expire = RequestParameters.optionalInstant(at + "expire_time", r.expireTime());
            if (effective == null || expire == null || !expire.isAfter(effective)) {
                throw BssException.badParameter(at + "expire_time", "effective_time and expire_time are required, "
                        + "expire_time after effective_time");
            }
        }
    }
}
