package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.billing.query.Columns;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A month's resource details, per month, per day or per bill line. */
@Path("/v2/bills/customer-bills/res-records/query")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class ResourceDetailsResource {

    @Inject
    ResourceRecords records;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record DetailsQuery(String cycle,
            String cloudServiceType,
            String resourceType, String region,
            String resInstanceId, Integer chargeMode,
            Integer billType,
            String enterpriseProjectId,
            Boolean includeZeroRecord, Integer offset,
            Integer limit, String method,
            String subCustomerId,
            Integer statisticType, String queryType,
            String billCycleBegin,
            String billCycleEnd,
            String payerAccountId) {
    }

    public record DetailRecords(List<MonthlyRecord> monthlyRecords,
            long totalCount, String currency) {
    }

    /** MonthlyBillRes. */
    public record MonthlyRecord(String cycle, String billDate,
            int billType, String customerId,
            String region, String regionName,
            String cloudServiceType,
            @JsonProperty("resource_Type_code") String resourceTypeCode,
            String cloudServiceTypeName,
            String resourceTypeName,
            String resInstanceId, String resourceName,
            String enterpriseProjectId,
            int chargeMode, BigDecimal consumeAmount,
            BigDecimal cashAmount, BigDecimal creditAmount,
            BigDecimal couponAmount,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal storedCardAmount,
            BigDecimal bonusAmount, BigDecimal debtAmount,
            BigDecimal adjustmentAmount,
            BigDecimal officialAmount,
            BigDecimal discountAmount, int measureId,
            Integer periodType, String tradeId,
            String id, String productSpecDesc,
            String payerAccountId,
            String effectiveTime, String expireTime,
            String consumeTime) {
    }

    @POST
    @Operation(operationId = "ListCustomerselfResourceRecordDetails",
            summary = "A month's resource details, per month, per day or per bill line")
    public Uni<DetailRecords> details(@HeaderParam(Language.HEADER) String language, DetailsQuery body) {
        Language lang = Language.of(language);
        if (body == null) {
            throw BssException.badParameter("body", "is required");
        }
        YearMonth cycle = cycle("cycle", body.cycle());
        int statistic = checkRange("statistic_type", body.statisticType(), 1, 3, 1);
        String queryType = optionalWord("query_type", body.queryType(), Set.of("BILLCYCLE", "DAILY"));
        if ("DAILY".equals(queryType) && statistic == 1) {
            throw BssException.badParameter("query_type", "DAILY needs statistic_type 2 or 3");
        }
        LocalDate begin = null;
        LocalDate end = null;
        if ("DAILY".equals(queryType)) {
            if (body.billCycleBegin() == null || body.billCycleEnd() == null) {
                throw BssException.badParameter("bill_cycle_begin", "and bill_cycle_end are required when query_type "
                        + "is DAILY");
            }
            BillFilters.DateRange dates = BillFilters.DateRange.within(cycle, "bill_cycle_begin", body.billCycleBegin(),
                    "bill_cycle_end", body.billCycleEnd(), false);
            begin = dates.begin();
            end = dates.end();
        }
        if (body.chargeMode() != null && !BillFilters.CHARGING_MODES.contains(body.chargeMode())) {
            throw BssException.badParameter("charge_mode", "must be one of " + BillFilters.CHARGING_MODES);
        }
        if (body.billType() != null && !BillLineInput.BILL_TYPES.contains(body.billType())) {
            throw BssException.badParameter("bill_type", "is not a known bill type");
        }
        Criteria criteria = new Criteria(cycle, List.of(), optionalText("cloud_service_type", body.cloudServiceType(), 64),
                optionalText("resource_type", body.resourceType(), 64), optionalText("region", body.region(), 64),
                optionalText("res_instance_id", body.resInstanceId(), 64), body.chargeMode(), body.billType(),
                optionalText("enterprise_project_id", body.enterpriseProjectId(), 64), body.includeZeroRecord(), null,
                begin, end, optionalText("payer_account_id", body.payerAccountId(), 64),
                statistic == 1 ? Grain.CYCLE : statistic == 2 ? Grain.DAY : Grain.DETAIL,
                Paging.of(body.offset(), body.limit(), 10, 1000), lang);
        String subCustomer = body.subCustomerId() == null || body.subCustomerId().isEmpty() ? null : body.subCustomerId();
        return scope.customers(caller.get().customerId(), body.method(), subCustomer, true)
                .flatMap(customers -> records.query(criteria.forCustomers(customers)))
                .map(page -> new DetailRecords(page.rows().stream().map(r -> monthlyRecord(r, cycle, criteria.grain(),
                        lang)).toList(), page.total(), "CNY"));
    }

    private static MonthlyRecord monthlyRecord(Row r, YearMonth cycle, Grain grain, Language lang) {
        Short period = r.getShort("period_type");
        boolean detail = grain == Grain.DETAIL;
        return new MonthlyRecord(cycle.toString(),
                grain == Grain.CYCLE ? null : r.getLocalDate("day").toString(), r.getShort("bill_type"),
                r.getString("customer_id"), r.getString("region_code"), lang.pick(r.getString("rg_zh"),
                r.getString("rg_en")), r.getString("service_type_code"), r.getString("resource_type_code"),
                lang.pick(r.getString("st_zh"), r.getString("st_en")), lang.pick(r.getString("rt_zh"),
                r.getString("rt_en")), r.getString("resource_id"), r.getString("resource_name"),
                r.getString("enterprise_project_id"), r.getShort("charging_mode"), r.getBigDecimal("amount"),
                r.getBigDecimal("cash_amount"), r.getBigDecimal("credit_amount"), r.getBigDecimal("coupon_amount"),
                BillSql.zero(), r.getBigDecimal("stored_card_amount"), BillSql.zero(), r.getBigDecimal("debt_amount"),
                BillSql.zero(), r.getBigDecimal("official_amount"), r.getBigDecimal("discount_amount"), 1,
                period == null ? null : (int) period, r.getString("trade_id"), String.valueOf(r.getLong("line_id")),
                r.getString("product_spec_desc"), r.getString("payer_customer_id"),
                detail ? Columns.wire(r, "effective_time") : null, detail ? Columns.wire(r, "expire_time") : null,
                detail ? Columns.wire(r, "trade_time") : null);
    }
}
