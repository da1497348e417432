package io.openbss.billing.freeresources;

import static io.openbss.billing.query.Columns.wire;
import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What is left of some of the caller's resource quotas, this cycle. */
@Path("/v2/payments/free-resources/usages/details/query")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class FreeResourceUsagesResource {

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    public record UsageQuery(List<String> freeResourceIds) {
    }

    public record UsageList(List<QuotaDetail> freeResources) {
    }

    /** FreeResourceDetail. */
    public record QuotaDetail(String freeResourceId,
            String freeResourceTypeName,
            Integer quotaReuseCycle,
            Integer quotaReuseCycleType,
            String usageTypeName, String startTime,
            String endTime, BigDecimal amount,
            BigDecimal originalAmount, int measureId) {
    }

    @POST
    @Operation(operationId = "ListFreeResourceUsages", summary = "What is left of some of the caller's resource quotas")
    public Uni<UsageList> usages(@HeaderParam(Language.HEADER) String language, UsageQuery body) {
        Language lang = Language.of(language);
        if (body == null || body.freeResourceIds() == null || body.freeResourceIds().isEmpty()
                || body.freeResourceIds().size() > 100) {
            throw BssException.badParameter("free_resource_ids", "must hold 1 to 100 ids");
        }
        for (int i = 0; i < body.freeResourceIds().size(); i++) {
            required("free_resource_ids[" + i + "]", body.freeResourceIds().get(i));
        }
        OffsetDateTime now = now();
        String cycle = BssTime.businessDate(now.toInstant()).toString().substring(0, 7);
        LocalDate monthStart = BssTime.businessDate(now.toInstant()).withDayOfMonth(1);
        return pool.preparedQuery("""
                        SELECT f.*, p.quota_reuse_mode, p.effective_time, p.expire_time, u.name_zh, u.name_en
                          FROM free_resource f JOIN free_resource_package p ON p.package_id = f.package_id
                          LEFT JOIN usage_type u ON u.resource_type_code = f.resource_type_code
                                                AND u.usage_type_code = f.usage_type_code
                         WHERE p.customer_id = $1 AND f.free_resource_id = ANY($2)
                         ORDER BY f.free_resource_id""")
                .execute(Tuple.of(caller.get().customerId(),
                        body.freeResourceIds().toArray(String[]::new)))
                .map(rows -> {
                    List<QuotaDetail> details = new ArrayList<>();
                    for (Row row : rows) {
                        QuotaRow quota = QuotaRow.of(row, cycle, lang);
                        boolean monthly = row.getShort("quota_reuse_mode") == 1;
                        String start = monthly ? BssTime.formatWire(BssTime.startOf(monthStart)) : wire(row, "effective_time");
                        String end = monthly ? BssTime.formatWire(BssTime.startOf(monthStart.plusMonths(1)))
                                : wire(row, "expire_time");
                        details.add(new QuotaDetail(quota.id(), quota.name(), monthly ? 4 : null, monthly ? 1 : null,
                                quota.name(), start, end, quota.remaining(), quota.amount(), quota.measureId()));
                    }
                    return new UsageList(details);
                });
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
