package io.openbss.orders.renewals;

import io.openbss.orders.resources.ProjectAssignment;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** A main resource to renew, with the subordinate resources renewed with it. */
public record Renewable(Resource main, List<Resource> subordinates) {

    /** A resource as a renewal prices and extends it. */
    public record Resource(String resourceId, String customerId, String payerCustomerId, String mainResourceId,
            String serviceTypeCode, String serviceTypeName, String resourceTypeCode, String resourceSpecCode,
            String regionCode, String resourceName, ProjectAssignment projects, Integer resourceSize,
            Integer sizeMeasureId, int status, Instant expireTime, int boughtMonths, int maxPeriodMonths,
            int periodType, int periodNum) {

        static Resource of(Row row) {
            return new Resource(row.getString("resource_id"), row.getString("customer_id"),
                    row.getString("payer_customer_id"), row.getString("main_resource_id"),
                    row.getString("service_type_code"), row.getString("service_type_name"),
                    row.getString("resource_type_code"), row.getString("resource_spec_code"),
                    row.getString("region_code"), row.getString("resource_name"), ProjectAssignment.of(row),
                    row.getInteger("resource_size"), row.getInteger("size_measure_id"), row.getInteger("status"),
                    row.getOffsetDateTime("expire_time").toInstant(), row.getInteger("bought_months"),
                    row.getInteger("max_period_months"), row.getInteger("period_type"), row.getInteger("period_num"));
        }
    }

    public List<Resource> all() {
        return Stream.concat(Stream.of(main), subordinates.stream()).toList();
    }
}
