package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalInt;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.billing.bills.ResourceRecords.Criteria;
import io.openbss.billing.bills.ResourceRecords.Grain;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The legacy 查询资源详单(旧): one month's consumption per resource, paged by page number, in the camelCase shape of
 * the v1.0 API. Only the caller's own records (the path names the caller's account).
 */
@Path("/v1.0/{domain_id}/customer/account-mgr/bill/res-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class LegacyResourceRecordsResource {

    /** payMethod to charging mode: 0 yearly/monthly, 1 pay-per-use, 10 reserved instances. */
    static final Map<String, Integer> PAY_METHODS = Map.of("0", 1, "1", 3, "10", 10);

    @Inject
    ResourceRecords records;

    @Inject
    CurrentCaller caller;

    public record Page(@JsonProperty("monthlyRecords") List<Record> monthlyRecords,
            @JsonProperty("totalCount") long totalCount, String currency) {
    }

    public record Record(String cycle,
            @JsonProperty("cloudServiceTypeCode") String cloudServiceTypeCode,
            @JsonProperty("regionCode") String regionCode, @JsonProperty("resourceTypeCode") String resourceTypeCode,
            @JsonProperty("resInstanceId") String resInstanceId, @JsonProperty("resourceName") String resourceName,
            @JsonProperty("resourceTag") String resourceTag, @JsonProperty("consumeAmount") BigDecimal consumeAmount,
            @JsonProperty("officialAmount") BigDecimal officialAmount, @JsonProperty("measureId") int measureId,
            @JsonProperty("enterpriseProjectId") String enterpriseProjectId,
            @JsonProperty("payMethod") String payMethod) {
    }

    public record PageQuery(@QueryParam("cycle") String cycleValue, @QueryParam("cloudServiceTypeCode") String service,
            @QueryParam("resourceTypeCode") String resourceType, @QueryParam("regionCode") String region,
            @QueryParam("resInstanceId") String resourceId, @QueryParam("payMethod") String payMethod,
            @QueryParam("enterpriseProjectId") String enterpriseProject, @QueryParam("offset") String page,
            @QueryParam("limit") String limit) {
    }

    @GET
    @Operation(operationId = "ListResourceRecordsLegacy", summary = "A month's consumption per resource (legacy v1.0)")
    public Uni<Page> list(@PathParam("domain_id") String domainId, @BeanParam PageQuery params) {
        String customerId = caller.get().customerId();
        if (!customerId.equals(domainId)) {
            throw BssException.foreignObject("the bills of account " + domainId);
        }
        YearMonth cycle = cycle("cycle", params.cycleValue());
        String method = required("payMethod", params.payMethod());
        Integer chargingMode = PAY_METHODS.get(method);
        if (chargingMode == null) {
            throw BssException.badParameter("payMethod", "must be 0 (yearly/monthly), 1 (pay-per-use) or 10 "
                    + "(reserved instances)");
        }
        int number = optionalInt("offset", required("offset", params.page()), 1, Integer.MAX_VALUE, null);
        int size = optionalInt("limit", required("limit", params.limit()), 1, 1000, null);
        Paging paging = new Paging((int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size), size);
        Criteria criteria = new Criteria(cycle, List.of(customerId),
                optionalText("cloudServiceTypeCode", params.service(), 64),
                optionalText("resourceTypeCode", params.resourceType(), 64),
                optionalText("regionCode", params.region(), 64),
                optionalText("resInstanceId", params.resourceId(), 256), chargingMode, null,
                optionalText("enterpriseProjectId", params.enterpriseProject(), 64), null, null, null, null, null,
                Grain.CYCLE, paging, Language.ZH_CN);
        return records.query(criteria).map(result -> new Page(result.rows().stream()
                .map(r -> record(r, cycle, method)).toList(), result.total(), "CNY"));
    }

    private static Record record(Row r, YearMonth cycle, String payMethod) {
        return new Record(cycle.toString(), r.getString("service_type_code"), r.getString("region_code"),
                r.getString("resource_type_code"), r.getString("resource_id"), r.getString("resource_name"), null,
                r.getBigDecimal("amount"), r.getBigDecimal("official_amount"), 1, r.getString("enterprise_project_id"),
                payMethod);
    }
}
