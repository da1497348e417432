package io.openbss.billing.freeresources;

import static io.openbss.billing.query.Columns.plain;
import static io.openbss.billing.query.Columns.wire;
import static io.openbss.common.request.RequestParameters.optionalDate;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What used the caller's resource packages. */
@Path("/v2/bills/customer-bills/free-resources-usage-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class FreeResourceUsageRecordsResource {

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    public record RecordList(List<UsageRecordView> freeResourceRecords,
            long totalCount) {
    }

    /** FreeResourceRecord. */
    public record UsageRecordView(String deductTime,
            String freeResourceId, String resourceId,
            String resourceTypeCode,
            String resourceTypeName,
            String productId, String productName,
            String usageTypeCode,
            String availableAmount,
            String remainingAmount, String usedAmount,
            int measureId, String effectiveTime,
            String expireTime) {
    }

    public record RecordsQuery(@QueryParam("free_resource_id") String freeResourceId,
            @QueryParam("product_id") String productId, @QueryParam("resource_type_code") String resourceTypeCode,
            @QueryParam("deduct_time_begin") String begin, @QueryParam("deduct_time_end") String end,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    }

    @GET
    @Operation(operationId = "ListFreeResourcesUsageRecords", summary = "What used the caller's resource packages")
    public Uni<RecordList> records(@BeanParam RecordsQuery params) {
        LocalDate from = optionalDate("deduct_time_begin", required("deduct_time_begin", params.begin()));
        LocalDate to = optionalDate("deduct_time_end", required("deduct_time_end", params.end()));
        if (to.isBefore(from)) {
            throw BssException.badParameter("deduct_time_end", "must not be before deduct_time_begin");
        }
        if (ChronoUnit.DAYS.between(from, to) > 90) {
            throw BssException.badParameter("deduct_time_end", "must be within 90 days of deduct_time_begin");
        }
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 1000);
        SqlQuery query = SqlQuery.sql().and("u.customer_id = ?", caller.get().customerId())
                .and("u.deduct_time >= ?", utc(BssTime.startOf(from)))
                .and("u.deduct_time < ?", utc(BssTime.startOf(to.plusDays(1))))
                .andIf(optionalText("free_resource_id", params.freeResourceId(), 64), "u.free_resource_id = ?")
                .andIf(optionalText("product_id", params.productId(), 64), "p.product_id = ?")
                .andIf(optionalText("resource_type_code", params.resourceTypeCode(), 64), "u.resource_type_code = ?");
        String sql = """
                 FROM free_resource_usage u
                 JOIN free_resource f ON f.free_resource_id = u.free_resource_id
                 JOIN free_resource_package p ON p.package_id = f.package_id
                 LEFT JOIN resource_type rt ON rt.resource_type_code = u.resource_type_code""" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n " + sql).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("SELECT u.*, f.measure_id, p.product_id, p.product_name, "
                                + "p.effective_time, p.expire_time, rt.name_zh " + sql
                                + " ORDER BY u.deduct_time DESC, u.usage_id LIMIT " + query.bind(paging.limit())
                                + " OFFSET " + query.bind(paging.offset())).execute(query.tuple())
                        .map(rows -> {
                            List<UsageRecordView> records = new ArrayList<>();
                            rows.forEach(r -> records.add(new UsageRecordView(wire(r, "deduct_time"),
                                    r.getString("free_resource_id"), r.getString("resource_id"),
                                    r.getString("resource_type_code"), r.getString("name_zh"),
                                    r.getString("product_id"), r.getString("product_name"),
                                    r.getString("usage_type_code"), plain(r, "available_before"),
                                    plain(r, "remaining_after"), plain(r, "used_amount"), r.getInteger("measure_id"),
                                    wire(r, "effective_time"), wire(r, "expire_time"))));
                            return new RecordList(records, count.iterator().next().getLong("n"));
                        }));
    }

}
