package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalBoolean;
import static io.openbss.common.request.RequestParameters.optionalCode;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.sentOrNull;

import io.openbss.billing.bills.ResourceRecords.Criteria;
import io.openbss.billing.bills.ResourceRecords.Grain;
import io.openbss.billing.query.Columns;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A month's consumption per resource. */
@Path("/v2/bills/customer-bills/res-fee-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class ResourceFeeRecordsResource {

    @Inject
    ResourceRecords records;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record ResFeeRecords(List<ResFeeRecord> feeRecords,
            long totalCount, String currency) {
    }

    /** ResFeeRecordV2. */
    public record ResFeeRecord(String billDate, int billType,
            String customerId, String region,
            String regionName, String cloudServiceType,
            String resourceType,
            String cloudServiceTypeName,
            String resourceTypeName,
            String effectiveTime, String expireTime,
            String resourceId, String resourceName,
            String productId, String productSpecDesc,
            String tradeId, String id,
            String tradeTime,
            String enterpriseProjectId,
            String chargeMode, String orderId,
            String periodType, String usageType,
            BigDecimal usage, Integer usageMeasureId,
            BigDecimal freeResourceUsage,
            Integer freeResourceMeasureId,
            BigDecimal unitPrice, String unit,
            BigDecimal officialAmount,
            BigDecimal discountAmount, BigDecimal amount,
            BigDecimal cashAmount, BigDecimal creditAmount,
            BigDecimal couponAmount,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal storedCardAmount,
            BigDecimal bonusAmount, BigDecimal debtAmount,
            BigDecimal adjustmentAmount, int measureId,
            String consumeTime) {
    }

    public record ResFeeRecordsQuery(@QueryParam("cycle") String cycleValue,
            @QueryParam("cloud_service_type") String cloudServiceType, @QueryParam("region") String region,
            @QueryParam("charge_mode") String chargeMode, @QueryParam("bill_type") String billType,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("resource_id") String resourceId,
            @QueryParam("enterprise_project_id") String enterpriseProjectId,
            @QueryParam("include_zero_record") String includeZeroRecord, @QueryParam("method") String method,
            @QueryParam("sub_customer_id") String subCustomerId, @QueryParam("trade_id") String tradeId,
            @QueryParam("bill_date_begin") String billDateBegin, @QueryParam("bill_date_end") String billDateEnd,
            @QueryParam("statistic_type") String statisticType) {
    }

    @GET
    @Operation(operationId = "ListCustomerselfResourceRecords", summary = "A month's consumption per resource")
    public Uni<ResFeeRecords> feeRecords(@HeaderParam(Language.HEADER) String language,
            @BeanParam ResFeeRecordsQuery params, @Context UriInfo uri) {
        Language lang = Language.of(language);
        YearMonth cycle = cycle("cycle", params.cycleValue());
        // statistic_type defaults to 3, one row per bill line (SDK and API reference: "默认值为3 ... 1：按账期3：按明细")
        Integer statistic = optionalCode("statistic_type", params.statisticType(), Set.of(1, 3));
        Grain grain = statistic != null && statistic == 1 ? Grain.CYCLE : Grain.DETAIL;
        BillFilters.DateRange checked = BillFilters.DateRange.within(cycle, "bill_date_begin", params.billDateBegin(),
                "bill_date_end", params.billDateEnd(), true);
        // the reference on bill_date_begin/bill_date_end: "按账期类型统计时字段不生效", a cycle row is the whole month
        BillFilters.DateRange dates = grain == Grain.CYCLE ? new BillFilters.DateRange(null, null) : checked;
        String resource = sentOrNull(uri, "resource_id", params.resourceId());
        optionalText("resource_id", resource, 128);
        Criteria criteria = new Criteria(cycle, List.of(),
                optionalText("cloud_service_type", params.cloudServiceType(), 64), null,
                optionalText("region", params.region(), 64), resource,
                BillFilters.chargingMode("charge_mode", params.chargeMode()),
                BillFilters.billType("bill_type", params.billType()),
                optionalText("enterprise_project_id", params.enterpriseProjectId(), 64),
                optionalBoolean("include_zero_record", params.includeZeroRecord()),
                optionalText("trade_id", params.tradeId(), 64),
                dates.begin(), dates.end(), null, grain,
                Paging.of(params.offset(), params.limit(), 10, 1000), lang);
        return scope.customers(caller.get().customerId(), params.method(), params.subCustomerId(), false)
                .flatMap(customers -> records.query(criteria.forCustomers(customers)))
                .map(page -> new ResFeeRecords(page.rows().stream().map(r -> feeRecord(r, lang)).toList(),
                        page.total(), "CNY"));
    }

    private static ResFeeRecord feeRecord(Row r, Language lang) {
        Short period = r.getShort("period_type");
        return new ResFeeRecord(r.getLocalDate("day") == null ? null : r.getLocalDate("day").toString(),
                r.getShort("bill_type"), r.getString("customer_id"), r.getString("region_code"),
                lang.pick(r.getString("rg_zh"), r.getString("rg_en")), r.getString("service_type_code"),
                r.getString("resource_type_code"), lang.pick(r.getString("st_zh"), r.getString("st_en")),
                lang.pick(r.getString("rt_zh"), r.getString("rt_en")), Columns.wire(r, "effective_time"),
                Columns.wire(r, "expire_time"), r.getString("resource_id"), r.getString("resource_name"),
                r.getString("product_id"), r.getString("product_spec_desc"), r.getString("trade_id"),
                String.valueOf(r.getLong("line_id")), Columns.wire(r, "trade_time"),
                r.getString("enterprise_project_id"), String.valueOf(r.getShort("charging_mode")),
                r.getString("order_id"), period == null ? null : period.toString(), r.getString("usage_type_code"),
                r.getBigDecimal("usage"), r.getInteger("usage_measure_id"), r.getBigDecimal("free_resource_usage"),
                r.getInteger("usage_measure_id"), r.getBigDecimal("unit_price"), r.getString("unit"),
                r.getBigDecimal("official_amount"), r.getBigDecimal("discount_amount"), r.getBigDecimal("amount"),
                r.getBigDecimal("cash_amount"), r.getBigDecimal("credit_amount"), r.getBigDecimal("coupon_amount"),
                BillSql.zero(), r.getBigDecimal("stored_card_amount"), BillSql.zero(), r.getBigDecimal("debt_amount"),
                BillSql.zero(), 1, Columns.wire(r, "trade_time"));
    }
}
