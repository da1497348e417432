package io.openbss.billing.usage;

import static io.openbss.billing.query.Columns.plain;
import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.requiredText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * 95th-percentile usage (95计费) of bandwidth-like resources over a month, from their metering samples: per resource
 * the number of days with samples, the month's 95th percentile and peak; per day of one resource, its 95th
 * percentile. Bandwidth is reported in Mbps; no guaranteed bandwidth is configured in OpenBSS (reported as 0).
 */
@Path("/v2/bills/customer-bills/resources/usage")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class ResourceUsageResource {

    static final Set<String> RESOURCE_TYPES = Set.of("hws.resource.type.cdn", "hws.resource.type.obs",
            "hws.resource.type.bandwidth", "hws.resource.type.edgebandwidth");
    static final int MBPS = 15;
    /** Samples converted to Mbps. */
    static final String MBPS_USAGE = "(r.usage * CASE r.usage_measure_id WHEN 16 THEN 0.001 WHEN 18 THEN 1000 ELSE 1 END)";
    static final String DAY = "(r.begin_time AT TIME ZONE 'Asia/Shanghai')::date";

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    public record SummaryList(long totalCount,
            List<Summary> summaryUsageInfoList) {
    }

    /** StatUsageSummaryInfo. */
    public record Summary(String resourceId,
            String actualDays,
            String bandWidth,
            String monthlyGuaranteedBandWidth,
            String monthlyPeakBandWidth,
            int bandWidthMeasureId) {
    }

    /** ListResourceUsageResponse. */
    public record Daily(String actualDays, String bandWidth,
            String monthlyGuaranteedBandWidth,
            String monthlyPeakBandWidth,
            int bandWidthMeasureId, long totalCount,
            List<DayUsage> usageInfoList) {
    }

    /** StatUsageInfo. */
    public record DayUsage(String statTime,
            String guaranteedBandWidth, String usage,
            int measureId) {
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "ListResourceUsageSummary", summary = "Monthly 95th-percentile usage per resource")
    public Uni<SummaryList> summary(@HeaderParam(Language.HEADER) String language,
            @QueryParam("bill_cycle") String billCycle, @QueryParam("service_type_code") String serviceTypeCode,
            @QueryParam("resource_type_code") String resourceTypeCode, @QueryParam("usage_type") String usageType,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Language.of(language);
        Scope scope = scope(billCycle, serviceTypeCode, resourceTypeCode, usageType);
        Paging paging = Paging.of(offset, limit, 10, 1000);
        String where = " FROM usage_record r WHERE r.customer_id = $1 AND r.service_type_code = $2 "
                + "AND r.resource_type_code = $3 AND r.usage_type_code = $4 AND r.begin_time >= $5 AND r.begin_time < $6";
        return scope.check(pool).chain(() -> pool.preparedQuery("SELECT count(DISTINCT r.resource_id) AS n" + where)
                        .execute(scope.tuple(caller.get().customerId())))
                .flatMap(count -> pool.preparedQuery("SELECT r.resource_id, count(DISTINCT " + DAY + ") AS days, "
                                + "percentile_disc(0.95) WITHIN GROUP (ORDER BY " + MBPS_USAGE + ") AS p95, max("
                                + MBPS_USAGE + ") AS peak" + where + " GROUP BY r.resource_id ORDER BY r.resource_id"
                                + " LIMIT $7 OFFSET $8")
                        .execute(scope.tuple(caller.get().customerId()).addInteger(paging.limit())
                                .addInteger(paging.offset()))
                        .map(rows -> {
                            List<Summary> list = new ArrayList<>();
                            rows.forEach(row -> list.add(new Summary(row.getString("resource_id"),
                                    String.valueOf(row.getLong("days")), plain(row, "p95"), "0", plain(row, "peak"),
                                    MBPS)));
                            return new SummaryList(count.iterator().next().getLong("n"), list);
                        }));
    }

    public record DetailsQuery(@QueryParam("bill_cycle") String billCycle,
            @QueryParam("service_type_code") String serviceTypeCode,
            @QueryParam("resource_type_code") String resourceTypeCode, @QueryParam("usage_type") String usageType,
            @QueryParam("resource_id") String resourceId, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
    }

    @GET
    @Path("/details")
    @Operation(operationId = "ListResourceUsage", summary = "Daily 95th-percentile usage of one resource in a month")
    public Uni<Daily> details(@HeaderParam(Language.HEADER) String language, @BeanParam DetailsQuery filters) {
        Language.of(language);
        Scope scope = scope(filters.billCycle(), filters.serviceTypeCode(), filters.resourceTypeCode(),
                filters.usageType());
        String resource = requiredText("resource_id", filters.resourceId(), 128);
        Paging paging = Paging.of(filters.offset(), filters.limit(), 10, 1000);
        String where = " FROM usage_record r WHERE r.customer_id = $1 AND r.service_type_code = $2 "
                + "AND r.resource_type_code = $3 AND r.usage_type_code = $4 AND r.begin_time >= $5 AND r.begin_time < $6"
                + " AND r.resource_id = $7";
        Tuple params = scope.tuple(caller.get().customerId()).addString(resource);
        return scope.check(pool).chain(() -> pool.preparedQuery("SELECT count(DISTINCT " + DAY + ") AS days, "
                        + "percentile_disc(0.95) WITHIN GROUP (ORDER BY " + MBPS_USAGE + ") AS p95, max(" + MBPS_USAGE
                        + ") AS peak" + where).execute(params))
                .flatMap(month -> pool.preparedQuery("SELECT " + DAY + " AS day, percentile_disc(0.95) WITHIN GROUP "
                                + "(ORDER BY " + MBPS_USAGE + ") AS p95" + where + " GROUP BY 1 ORDER BY 1 LIMIT $8 OFFSET $9")
                        .execute(scope.tuple(caller.get().customerId()).addString(resource).addInteger(paging.limit())
                                .addInteger(paging.offset()))
                        .map(days -> {
                            Row m = month.iterator().next();
                            List<DayUsage> list = new ArrayList<>();
                            days.forEach(d -> list.add(new DayUsage(d.getLocalDate("day").toString(), "0",
                                    plain(d, "p95"), MBPS)));
                            long total = m.getLong("days");
                            return new Daily(String.valueOf(total), plain(m, "p95"), "0", plain(m, "peak"), MBPS, total,
                                    list);
                        }));
    }

    /** The validated month, service, resource type and usage type of a query. */
    record Scope(YearMonth cycle, String service, String resourceType, String usageType) {

        Tuple tuple(String customerId) {
            return Tuple.of(customerId, service, resourceType, usageType,
                    utc(BssTime.startOf(cycle.atDay(1))),
                    utc(BssTime.startOf(cycle.plusMonths(1).atDay(1))));
        }

        /** The usage type must be one of the resource type's. */
        Uni<Void> check(Pool pool) {
            return pool.preparedQuery("SELECT 1 FROM usage_type WHERE resource_type_code = $1 AND usage_type_code = $2")
                    .execute(Tuple.of(resourceType, usageType)).invoke(rows -> {
                        if (rows.size() == 0 && !resourceType.equals("hws.resource.type.edgebandwidth")) {
                            throw BssException.badParameter("usage_type", "is not a usage type of " + resourceType);
                        }
                    }).replaceWithVoid();
        }
    }

    private static Scope scope(String billCycle, String serviceTypeCode, String resourceTypeCode, String usageType) {
        YearMonth cycle = cycle("bill_cycle", billCycle);
        String service = requiredText("service_type_code", serviceTypeCode, 64);
        String resourceType = requiredText("resource_type_code", resourceTypeCode, 64);
        if (!RESOURCE_TYPES.contains(resourceType)) {
            throw BssException.badParameter("resource_type_code", "must be one of " + RESOURCE_TYPES.stream().sorted()
                    .toList());
        }
        return new Scope(cycle, service, resourceType, requiredText("usage_type", usageType, 64));
    }
}
