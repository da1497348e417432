package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.query.Columns;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * ListCustomerBillsMonthlyBreakDown: the amortised cost of a month. Every bill line whose cost falls in the month
 * (a subscription covering part of it, or any other line billed in it), with its share before, in and after the
 * month, and the month's share split by what paid it.
 */
@Path("/v2/costs/cost-analysed-bills/monthly-breakdown")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class MonthlyBreakdownResource {

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record Breakdown(String currency, long totalCount,
            List<Detail> details) {
    }

    /** NvlCostAnalysedBillDetail. */
    public record Detail(String sharedMonth, String billCycle,
            int billType, String customerId,
            String regionCode, String regionName,
            String serviceTypeCode,
            String resourceTypeCode,
            String serviceTypeName,
            String resourceTypeName,
            String effectiveTime, String expireTime,
            String resourceId, String resourceName,
            String productSpecDesc,
            String enterpriseProjectId,
            int chargingMode, String orderId,
            Integer periodType, String usageType,
            BigDecimal usage, Integer usageMeasureId,
            BigDecimal freeResourceUsage,
            BigDecimal consumeAmount,
            BigDecimal pastMonthsAmortizedAmount,
            BigDecimal currentMonthAmortizedAmount,
            BigDecimal futureMonthsAmortizedAmount,
            BigDecimal amortizedCashAmount,
            BigDecimal amortizedCreditAmount,
            BigDecimal amortizedCouponAmount,
            BigDecimal amortizedFlexipurchaseCouponAmount,
            BigDecimal amortizedStoredValueCardAmount,
            BigDecimal amortizedBonusAmount) {
    }

    public record BreakdownQuery(@QueryParam("shared_month") String sharedMonth,
            @QueryParam("service_type_code") String serviceTypeCode,
            @QueryParam("resource_type_code") String resourceTypeCode, @QueryParam("region_code") String regionCode,
            @QueryParam("charging_mode") String chargingMode, @QueryParam("bill_type") String billType,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("resource_id") String resourceId, @QueryParam("resource_name") String resourceName,
            @QueryParam("enterprise_project_id") String enterpriseProjectId, @QueryParam("method") String method,
            @QueryParam("sub_customer_id") String subCustomerId) {
    }

    @GET
    @Operation(operationId = "ListCustomerBillsMonthlyBreakDown", summary = "The amortised cost of a month")
    public Uni<Breakdown> breakdown(@HeaderParam(Language.HEADER) String language, @BeanParam BreakdownQuery params) {
        Language lang = Language.of(language);
        YearMonth month = cycle("shared_month", params.sharedMonth());
        Integer mode = BillFilters.chargingMode("charging_mode", params.chargingMode());
        Integer type = BillFilters.billType("bill_type", params.billType());
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 1000);
        SqlQuery query = SqlQuery.sql()
                .and("((b.charging_mode = 1 AND b.effective_time < ? AND b.expire_time > ?) OR b.bill_cycle = ?)",
                        utc(BssTime.startOf(month.plusMonths(1).atDay(1))),
                        utc(BssTime.startOf(month.atDay(1))), month.toString())
                .andIf(optionalText("service_type_code", params.serviceTypeCode(), 64), "b.service_type_code = ?")
                .andIf(optionalText("resource_type_code", params.resourceTypeCode(), 64), "b.resource_type_code = ?")
                .andIf(optionalText("region_code", params.regionCode(), 64), "b.region_code = ?")
                .andIf(mode == null ? null : mode.shortValue(), "b.charging_mode = ?")
                .andIf(type == null ? null : type.shortValue(), "b.bill_type = ?")
                .andIf(optionalText("resource_id", params.resourceId(), 128), "b.resource_id = ?")
                .andIf(optionalText("resource_name", params.resourceName(), 256), "b.resource_name = ?")
                .andIf(optionalText("enterprise_project_id", params.enterpriseProjectId(), 64),
                        "b.enterprise_project_id = ?");
        String customerId = caller.get().customerId();
        return scope.customers(customerId, params.method(), params.subCustomerId(), true).flatMap(customers -> {
            query.and("b.customer_id = ANY(?)", (Object) customers.toArray(String[]::new));
            String from = " FROM bill_line b" + BillSql.NAMES + query.where();
            Tuple filters = query.tuple();
            String page = " ORDER BY b.bill_cycle, b.line_id LIMIT " + query.bind(paging.limit()) + " OFFSET "
                    + query.bind(paging.offset());
            return pool.preparedQuery("SELECT count(*) AS n" + from).execute(filters)
                    .flatMap(count -> pool.preparedQuery("SELECT b.*, " + BillSql.names(lang) + from + page)
                            .execute(query.tuple())
                            .map(rows -> {
                                List<Detail> details = new ArrayList<>();
                                rows.forEach(r -> details.add(detail(r, month)));
                                return new Breakdown("CNY", count.iterator().next().getLong("n"), details);
                            }));
        });
    }

    private static Detail detail(Row r, YearMonth month) {
        BigDecimal amount = r.getBigDecimal("amount");
        Amortization.Share share = Amortization.of(amount, r.getShort("charging_mode"),
                instant(r, "effective_time"), instant(r, "expire_time"), r.getString("bill_cycle"), month);
        Short period = r.getShort("period_type");
        return new Detail(month.toString(), r.getString("bill_cycle"), r.getShort("bill_type"),
                r.getString("customer_id"), r.getString("region_code"), r.getString("region_name"),
                r.getString("service_type_code"), r.getString("resource_type_code"), r.getString("service_type_name"),
                r.getString("resource_type_name"), Columns.wire(r, "effective_time"), Columns.wire(r, "expire_time"),
                r.getString("resource_id"), r.getString("resource_name"), r.getString("product_spec_desc"),
                r.getString("enterprise_project_id"), r.getShort("charging_mode"), r.getString("order_id"),
                period == null ? null : (int) period, r.getString("usage_type_code"), r.getBigDecimal("usage"),
                r.getInteger("usage_measure_id"), r.getBigDecimal("free_resource_usage"), amount, share.past(),
                share.current(), share.future(), split(share.current(), r, "cash_amount", amount),
                split(share.current(), r, "credit_amount", amount), split(share.current(), r, "coupon_amount", amount),
                BigDecimal.ZERO.setScale(8), split(share.current(), r, "stored_card_amount", amount),
                BigDecimal.ZERO.setScale(8));
    }

    /** The month's share of what one source paid, in proportion to the line's amount. */
    private static BigDecimal split(BigDecimal current, Row r, String column, BigDecimal amount) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO.setScale(8);
        }
        return current.multiply(r.getBigDecimal(column)).divide(amount, 8, RoundingMode.HALF_UP);
    }

    private static java.time.Instant instant(Row r, String column) {
        return r.getOffsetDateTime(column) == null ? null : r.getOffsetDateTime(column).toInstant();
    }
}
