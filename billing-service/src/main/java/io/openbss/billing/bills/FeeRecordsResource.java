package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalBoolean;
import static io.openbss.common.request.RequestParameters.optionalCode;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.billing.query.Columns;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** ListCustomerBillsFeeRecords (流水账单): a month's bill lines, one record per line, newest first. */
@Path("/v2/bills/customer-bills/fee-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class FeeRecordsResource {

    /** What a record shows of its line: not every column of it ({@code b.*} would be read and decoded for nothing). */
    private static final String COLUMNS = "b.bill_cycle, b.customer_id, b.service_type_code, b.resource_type_code, "
            + "b.region_code, b.enterprise_project_id, b.charging_mode, b.trade_time, b.trade_id, b.line_id, "
            + "b.bill_type, b.official_amount, b.discount_amount, b.amount, b.cash_amount, b.credit_amount, "
            + "b.coupon_amount, b.stored_card_amount, b.debt_amount, b.debt_outstanding, " + BillSql.PAID + " AS paid, "
            + BillSql.STATUS + " AS status";

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record FeeRecords(long totalCount,
            List<FeeRecord> records, String currency) {
    }

    /** MonthlyBillRecord. */
    public record FeeRecord(String billCycle,
            String customerId,
            String serviceTypeCode,
            String resourceTypeCode,
            String serviceTypeName,
            String resourceTypeName, String regionCode,
            String enterpriseProjectId,
            String enterpriseProjectName,
            int chargingMode, String consumeTime,
            String tradeTime, int providerType,
            String tradeId, String id,
            int billType, int status,
            BigDecimal officialAmount,
            BigDecimal officialDiscountAmount,
            BigDecimal eraseAmount,
            BigDecimal consumeAmount,
                    BigDecimal cashAmount,
            BigDecimal creditAmount,
                    BigDecimal couponAmount,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal storedValueCardAmount,
            BigDecimal bonusAmount, BigDecimal debtAmount,
            BigDecimal writeoffAmount,
            String regionName) {
    }

    public record FeeRecordsQuery(@QueryParam("bill_cycle") String billCycle,
            @QueryParam("provider_type") String providerType, @QueryParam("service_type_code") String serviceTypeCode,
            @QueryParam("resource_type_code") String resourceTypeCode, @QueryParam("region_code") String regionCode,
            @QueryParam("charging_mode") String chargingMode, @QueryParam("bill_type") String billType,
            @QueryParam("trade_id") String tradeId, @QueryParam("enterprise_project_id") String enterpriseProjectId,
            @QueryParam("include_zero_record") String includeZeroRecord, @QueryParam("status") String status,
            @QueryParam("method") String method, @QueryParam("sub_customer_id") String subCustomerId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("bill_date_begin") String billDateBegin, @QueryParam("bill_date_end") String billDateEnd) {
    }

    @GET
    @Operation(operationId = "ListCustomerBillsFeeRecords", summary = "A month's bill records, one per bill line")
    public Uni<FeeRecords> list(@HeaderParam(Language.HEADER) String language, @BeanParam FeeRecordsQuery params) {
        Language lang = Language.of(language);
        YearMonth cycle = cycle("bill_cycle", params.billCycle());
        Integer provider = optionalCode("provider_type", params.providerType(), Set.of(1, 2));
        Integer mode = BillFilters.chargingMode("charging_mode", params.chargingMode());
        Integer type = BillFilters.billType("bill_type", params.billType());
        Boolean zeros = optionalBoolean("include_zero_record", params.includeZeroRecord());
        Integer state = optionalCode("status", params.status(), Set.of(1, 2, 3));
        BillFilters.DateRange dates = BillFilters.DateRange.within(cycle, "bill_date_begin", params.billDateBegin(),
                "bill_date_end", params.billDateEnd(), false);
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 1000);
        SqlQuery query = SqlQuery.sql()
                .and("b.bill_cycle = ?", cycle.toString())
                .andIf(optionalText("service_type_code", params.serviceTypeCode(), 64), "b.service_type_code = ?")
                .andIf(optionalText("resource_type_code", params.resourceTypeCode(), 64), "b.resource_type_code = ?")
                .andIf(optionalText("region_code", params.regionCode(), 64), "b.region_code = ?")
                .andIf(mode == null ? null : mode.shortValue(), "b.charging_mode = ?")
                .andIf(type == null ? null : type.shortValue(), "b.bill_type = ?")
                .andIf(optionalText("trade_id", params.tradeId(), 64), "b.trade_id = ?")
                .andIf(optionalText("enterprise_project_id", params.enterpriseProjectId(), 64),
                        "b.enterprise_project_id = ?")
                .andIf(state, "(" + BillSql.STATUS + ") = ?");
        if (provider != null && provider == 2) {
            query.and("false");
        }
        if (Boolean.FALSE.equals(zeros)) {
            query.and("b.amount <> 0");
        }
        if (dates != null) {
            query.and("b.bill_date BETWEEN ? AND ?", dates.begin(), dates.end());
        }
        String customerId = caller.get().customerId();
        return scope.customers(customerId, params.method(), params.subCustomerId(), true).flatMap(customers -> {
            query.and("b.customer_id = ANY(?)", (Object) customers.toArray(String[]::new));
            String where = query.where();
            // one round trip whatever the page: the count joined to the page, which is cut before its lines are named
            // (100 rows joined, not the month's few hundred); a page past the end is one row of nulls with the count
            String page = "SELECT " + COLUMNS + " FROM bill_line b" + where
                    + " ORDER BY b.trade_time DESC, b.line_id DESC LIMIT " + query.bind(paging.limit()) + " OFFSET "
                    + query.bind(paging.offset());
            return pool.preparedQuery("SELECT t.total, p.*, " + BillSql.names(lang)
                            + " FROM (SELECT count(*) AS total FROM bill_line b" + where + ") t LEFT JOIN (" + page
                            + ") p ON true" + BillSql.namesOf("p") + " ORDER BY p.trade_time DESC, p.line_id DESC")
                    .execute(query.tuple())
                    .map(rows -> {
                        List<FeeRecord> records = new ArrayList<>(rows.size());
                        long total = 0;
                        for (Row row : rows) {
                            total = row.getLong("total");
                            if (row.getLong("line_id") != null) {
                                records.add(record(row));
                            }
                        }
                        return new FeeRecords(total, records, "CNY");
                    });
        });
    }

    private static FeeRecord record(Row r) {
        BigDecimal paid = r.getBigDecimal("paid");
        String traded = Columns.wire(r, "trade_time");
        return new FeeRecord(r.getString("bill_cycle"), r.getString("customer_id"), r.getString("service_type_code"),
                r.getString("resource_type_code"), r.getString("service_type_name"), r.getString("resource_type_name"),
                r.getString("region_code"), r.getString("enterprise_project_id"), null, r.getShort("charging_mode"),
                traded, traded, 1, r.getString("trade_id"),
                String.valueOf(r.getLong("line_id")), r.getShort("bill_type"), r.getInteger("status"),
                r.getBigDecimal("official_amount"), r.getBigDecimal("discount_amount"),
                r.getBigDecimal("amount").subtract(paid), paid, r.getBigDecimal("cash_amount"),
                r.getBigDecimal("credit_amount"), r.getBigDecimal("coupon_amount"), BillSql.zero(),
                r.getBigDecimal("stored_card_amount"), BillSql.zero(), r.getBigDecimal("debt_amount"),
                r.getBigDecimal("debt_amount").subtract(r.getBigDecimal("debt_outstanding")),
                r.getString("region_name"));
    }
}
