package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;
import static io.openbss.common.request.RequestParameters.required;

import io.openbss.billing.accounts.TradeWindow;
import io.openbss.billing.query.Columns;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * ListCustomerCouponChangeRecords: the journal lines of the caller's coupons (优惠券收支明细): activations, spending,
 * coupons given back by refunds, enterprise transfers and reclaims.
 */
@Path("/v2/promotions/benefits/account-change-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CouponChangeRecordsResource {

    /** The API's trade type of each kind of ledger entry; the API spells a deduction DEDEUCT. */
    static final Map<String, String> TRADE_TYPES = Map.of("COUPON_ISSUE", "ADJUST", "DEDUCT_ORDER", "DEDEUCT",
            "DEDUCT_USAGE", "DEDEUCT", "REFUND_UNSUBSCRIBE", "REFUND", "COUPON_TRANSFER", "COUPONADJUST",
            "COUPON_RECLAIM", "COUPONCANCEL");
    /** The API's detailed trade type of each kind of ledger entry, spelt as the API spells it. */
    static final Map<String, String> DETAIL_TYPES = Map.of("COUPON_ISSUE", "SOURCE_OPERAIION_PRIZE",
            "DEDUCT_ORDER", "SOURCE_OPERAIION_DEDEUCT", "DEDUCT_USAGE", "SOURCE_OPERAIION_USAGE",
            "REFUND_UNSUBSCRIBE", "SOURCE_OPERAIION_UNSUBSCRIBE", "COUPON_TRANSFER", "SOURCE_OPERATION_TRANSFER",
            "COUPON_RECLAIM", "SOURCE_OPERATION_RETRIEVE");
    /** Trade types of the API this ledger never records for coupons (coupons are not frozen nor cleared). */
    static final Set<String> NEVER_RECORDED = Set.of("RFROZEN", "EXPIRED");

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    public record ChangeRecords(long totalCount, String currency,
            List<ChangeRecord> records) {
    }

    /** CustomerCouponChangeRecord. */
    public record ChangeRecord(String couponId,
            String tradeDetailType, String tradeTime,
            String tradeId, String changeAmount,
            String balanceAfterChange,
            String revenueExpenseType,
            String billCycle, String accountName,
            String cloudServiceTypeName,
            String resourceTypeName) {
    }

    public record ChangeRecordsQuery(@QueryParam("balance_type") String balanceType,
            @QueryParam("revenue_expense_type") String revenueExpenseType, @QueryParam("trade_type") String tradeType,
            @QueryParam("trade_id") String tradeId, @QueryParam("trade_time_begin") String tradeTimeBegin,
            @QueryParam("trade_time_end") String tradeTimeEnd, @QueryParam("coupon_id") String couponId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    }

    @GET
    @Operation(operationId = "ListCustomerCouponChangeRecords", summary = "Revenue and expense of the caller's coupons")
    public Uni<ChangeRecords> list(@BeanParam ChangeRecordsQuery params) {
        optionalWord("balance_type", required("balance_type", params.balanceType()), Set.of("BALANCE_TYPE_COUPON"));
        String direction = optionalWord("revenue_expense_type", params.revenueExpenseType(),
                Set.of("REVENUE", "EXPENSE"));
        Set<String> tradeTypes = new HashSet<>(TRADE_TYPES.values());
        tradeTypes.addAll(NEVER_RECORDED);
        String trade = optionalWord("trade_type", params.tradeType(), tradeTypes);
        TradeWindow window = TradeWindow.of(params.tradeTimeBegin(), params.tradeTimeEnd(),
                BssTime.businessDate(clock.instant()));
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 100);

        SqlQuery query = window.restrict(SqlQuery.sql()
                .and("a.customer_id = ?", caller.get().customerId())
                .and("a.account_type = 'COUPON'"), "e.business_time")
                .andIf(optionalText("trade_id", params.tradeId(), 128), "e.trade_id = ?")
                .andIf(optionalText("coupon_id", params.couponId(), 64), "c.coupon_id = ?");
        if (direction != null) {
            query.and(direction.equals("REVENUE") ? "l.amount > 0" : "l.amount < 0");
        }
        if (trade != null) {
            query.and("e.detail_type = ANY(?)", (Object) TRADE_TYPES.entrySet().stream()
                    .filter(t -> t.getValue().equals(trade)).map(Map.Entry::getKey).toArray(String[]::new));
        }
        String from = " " + """
                FROM journal_line l
                JOIN journal_entry e ON e.entry_id = l.entry_id
                JOIN ledger_account a ON a.account_id = l.account_id
                JOIN coupon c ON c.account_id = a.account_id
                JOIN customer cu ON cu.customer_id = a.customer_id
                LEFT JOIN service_type st ON st.service_type_code = e.service_type_code""" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n" + from).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("SELECT l.amount, l.balance_after, c.coupon_id, e.trade_id, "
                                + "e.detail_type, e.business_time, cu.customer_name, st.name_zh" + from
                                + " ORDER BY l.line_id DESC LIMIT " + query.bind(paging.limit()) + " OFFSET "
                                + query.bind(paging.offset()))
                        .execute(query.tuple())
                        .map(rows -> {
                            List<ChangeRecord> records = new ArrayList<>();
                            rows.forEach(row -> records.add(record(row)));
                            return new ChangeRecords(count.iterator().next().getLong("n"), "CNY", records);
                        }));
    }

    private static ChangeRecord record(Row row) {
        BigDecimal amount = row.getBigDecimal("amount");
        String cycle = BssTime.businessDate(row.getOffsetDateTime("business_time").toInstant()).toString().substring(0, 7);
        return new ChangeRecord(row.getString("coupon_id"), DETAIL_TYPES.getOrDefault(row.getString("detail_type"),
                row.getString("detail_type")),
                Columns.wire(row, "business_time"), row.getString("trade_id"), amount.abs().toPlainString(),
                row.getBigDecimal("balance_after").toPlainString(), amount.signum() > 0 ? "REVENUE" : "EXPENSE", cycle,
                row.getString("customer_name"), row.getString("name_zh"), null);
    }
}
