package io.openbss.orders.resources;

import io.openbss.common.time.BssTime;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * OrderInstanceV2 of the SDK: a yearly/monthly resource. Its internal id is its resource id. Resources recorded
 * before their resource type's name and projects were kept show none, and a resource without an enterprise project
 * leaves it out, as the SDK does with absent fields.
 */
public record ResourceView(String id, String resourceId,
        String resourceName, String regionCode,
        String serviceTypeCode,
        String resourceTypeCode,
        String resourceTypeName,
        String serviceTypeName,
        String resourceSpecCode, String projectId,
        String productId, String parentResourceId,
        int isMainResource, int status,
        String effectiveTime, String expireTime,
        int expirePolicy, String productSpecDesc,
        BigDecimal specSize,
        Integer specSizeMeasureId,
        String updateTime,
        ProjectAssignment.EnterpriseProject enterpriseProject) {

    static ResourceView of(Row row) {
        String main = row.getString("main_resource_id");
        Integer size = row.getInteger("resource_size");
        ProjectAssignment projects = ProjectAssignment.of(row);
        return new ResourceView(row.getString("resource_id"), row.getString("resource_id"),
                row.getString("resource_name"), row.getString("region_code"), row.getString("service_type_code"),
                row.getString("resource_type_code"), row.getString("resource_type_name"),
                row.getString("service_type_name"), row.getString("resource_spec_code"), projects.projectId(),
                row.getString("product_id"), main, main == null ? 1 : 0, row.getInteger("status"),
                wire(row.getOffsetDateTime("effective_time")), wire(row.getOffsetDateTime("expire_time")),
                row.getInteger("expire_policy"), row.getString("product_spec_desc"),
                size == null ? null : BigDecimal.valueOf(size), row.getInteger("size_measure_id"),
                wire(row.getOffsetDateTime("update_time")), projects.enterpriseProject());
    }

    private static String wire(OffsetDateTime time) {
        return time == null ? null : BssTime.formatWire(time.toInstant());
    }
}
