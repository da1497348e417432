package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.cycle;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * ShowCustomerMonthlySum: a month's bill lines summed per customer, service, resource type, charging mode and bill
 * type, with the month's totals. The totals are the sums of the very lines the records sum.
 */
@Path("/v2/bills/customer-bills/monthly-sum")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class MonthlySumResource {

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record MonthlySum(long totalCount,
            List<BillSum> billSums, BigDecimal consumeAmount,
            BigDecimal debtAmount, BigDecimal couponAmount,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal storedValueCardAmount,
            BigDecimal cashAmount, BigDecimal creditAmount,
            BigDecimal writeoffAmount, int measureId,
            String currency) {
    }

    /** BillSumRecordInfoV2. */
    public record BillSum(String billCycle,
            String resourceTypeCode,
            String serviceTypeCode,
            String serviceTypeName,
            String resourceTypeName,
                    int chargingMode,
            BigDecimal officialAmount,
            BigDecimal officialDiscountAmount,
            BigDecimal truncatedAmount,
            BigDecimal consumeAmount,
            BigDecimal couponAmount,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal storedValueCardAmount,
            BigDecimal debtAmount,
                    BigDecimal writeoffAmount,
            BigDecimal cashAmount, BigDecimal creditAmount,
            int measureId, int billType,
            String customerId) {
    }

    static final String SUMS = """
            sum(b.official_amount) AS official, sum(b.discount_amount) AS discount,
            sum(b.amount - %1$s) AS truncated, sum(%1$s) AS consume, sum(b.coupon_amount) AS coupon,
            sum(b.stored_card_amount) AS card, sum(b.cash_amount) AS cash, sum(b.credit_amount) AS credit,
            sum(b.debt_amount) AS debt, sum(b.debt_amount - b.debt_outstanding) AS writeoff""".formatted(BillSql.PAID);

    public record SumQuery(@QueryParam("bill_cycle") String billCycle,
            @QueryParam("service_type_code") String serviceTypeCode,
            @QueryParam("enterprise_project_id") String enterpriseProjectId, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("method") String method,
            @QueryParam("sub_customer_id") String subCustomerId) {
    }

    @GET
    @Operation(operationId = "ShowCustomerMonthlySum", summary = "A month's bills summed per service and resource type")
    public Uni<MonthlySum> sum(@HeaderParam(Language.HEADER) String language, @BeanParam SumQuery params) {
        Language lang = Language.of(language);
        YearMonth cycle = cycle("bill_cycle", params.billCycle());
        String service = optionalText("service_type_code", params.serviceTypeCode(), 64);
        String project = optionalText("enterprise_project_id", params.enterpriseProjectId(), 64);
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 1000);
        String customerId = caller.get().customerId();
        return scope.customers(customerId, params.method(), params.subCustomerId(), true).flatMap(customers -> {
            SqlQuery query = SqlQuery.sql().and("b.customer_id = ANY(?)", (Object) customers.toArray(String[]::new))
                    .and("b.bill_cycle = ?", cycle.toString())
                    .andIf(service, "b.service_type_code = ?")
                    .andIf(project, "b.enterprise_project_id = ?");
            // one pass over the month's lines: the groups, whose sums are the month's totals
            return pool.preparedQuery("SELECT b.customer_id, b.service_type_code, b.resource_type_code, "
                            + "b.charging_mode, " + BillSql.CATEGORY + " AS category, min(st.name_zh) AS st_zh, "
                            + "min(st.name_en) AS st_en, min(rt.name_zh) AS rt_zh, min(rt.name_en) AS rt_en, " + SUMS
                            + " FROM bill_line b " + BillSql.NAMES + query.where()
                            + " GROUP BY b.customer_id, b.service_type_code, b.resource_type_code, b.charging_mode, "
                            + "category ORDER BY b.customer_id, b.service_type_code, b.resource_type_code, "
                            + "b.charging_mode, category")
                    .execute(query.tuple())
                    .map(rows -> {
                        List<BillSum> sums = new ArrayList<>();
                        rows.forEach(r -> sums.add(new BillSum(cycle.toString(), r.getString("resource_type_code"),
                                r.getString("service_type_code"), lang.pick(r.getString("st_zh"), r.getString("st_en")),
                                lang.pick(r.getString("rt_zh"), r.getString("rt_en")), r.getShort("charging_mode"),
                                r.getBigDecimal("official"), r.getBigDecimal("discount"), r.getBigDecimal("truncated"),
                                r.getBigDecimal("consume"), r.getBigDecimal("coupon"), BillSql.zero(),
                                r.getBigDecimal("card"), r.getBigDecimal("debt"), r.getBigDecimal("writeoff"),
                                r.getBigDecimal("cash"), r.getBigDecimal("credit"), 1, r.getInteger("category"),
                                r.getString("customer_id"))));
                        return new MonthlySum(sums.size(), sums.stream().skip(paging.offset()).limit(paging.limit())
                                .toList(), total(sums, BillSum::consumeAmount), total(sums, BillSum::debtAmount),
                                total(sums, BillSum::couponAmount), BillSql.zero(),
                                total(sums, BillSum::storedValueCardAmount), total(sums, BillSum::cashAmount),
                                total(sums, BillSum::creditAmount), total(sums, BillSum::writeoffAmount), 1, "CNY");
                    });
        });
    }

    private static BigDecimal total(List<BillSum> sums, Function<BillSum, BigDecimal> amount) {
        return sums.stream().map(amount).reduce(BillSql.zero(), BigDecimal::add);
    }
}
