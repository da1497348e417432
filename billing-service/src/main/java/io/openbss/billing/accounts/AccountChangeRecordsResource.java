package io.openbss.billing.accounts;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;
import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.request.RequestParameters.sentOrNull;

import io.openbss.billing.ledger.RechargeRequest;
import io.openbss.billing.ledger.TradeType;
import io.openbss.common.error.BssException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** ListCustomerAccountChangeRecords: the journal lines of the caller's cash or credit account (收支明细). */
@Path("/v2/accounts/customer-accounts/account-change-records")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class AccountChangeRecordsResource {

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    public record ChangeRecords(long totalCount, String currency,
            List<ChangeRecord> records) {
    }

    /** CustomerAccountChangeRecord of the SDK. */
    public record ChangeRecord(String accountChangeId,
            String tradeDetailType, String tradeTime,
            String tradeId, String changeAmount,
            String balanceAfterChange,
            String revenueExpenseType,
            String billCycle, String paymentChannelId,
            String paymentChannelNo,
            String consumeTime, String accountName,
            String cloudServiceTypeName,
            String resourceTypeName) {
    }

    public record ChangeRecordsQuery(@QueryParam("balance_type") String balanceType,
            @QueryParam("revenue_expense_type") String revenueExpenseType, @QueryParam("trade_type") String tradeType,
            @QueryParam("trade_time_begin") String tradeTimeBegin, @QueryParam("trade_time_end") String tradeTimeEnd,
            @QueryParam("trade_id") String tradeId, @QueryParam("payment_channel_id") String paymentChannelId,
            @QueryParam("payment_channel_no") String paymentChannelNo, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
    }

    @GET
    @Operation(operationId = "ListCustomerAccountChangeRecords",
            summary = "Revenue and expense of the cash or credit account")
    public Uni<ChangeRecords> list(@BeanParam ChangeRecordsQuery params, @Context UriInfo uri) {
        String balance = optionalWord("balance_type", required("balance_type", params.balanceType()),
                Set.of("BALANCE_TYPE_DEBIT", "BALANCE_TYPE_CREDIT"));
        String direction = optionalWord("revenue_expense_type", params.revenueExpenseType(),
                Set.of("REVENUE", "EXPENSE"));
        String tradeType = params.tradeType();
        TradeType trade = tradeType == null || tradeType.isEmpty() ? null : TradeType.fromWire(tradeType)
                .orElseThrow(() -> BssException.badParameter("trade_type", "is not a known trade type"));
        TradeWindow window = TradeWindow.of(params.tradeTimeBegin(), params.tradeTimeEnd(),
                BssTime.businessDate(clock.instant()));
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 100);

        SqlQuery query = window.restrict(SqlQuery.sql()
                .and("a.customer_id = ?", caller.get().customerId())
                .and("a.account_type = ?", balance.equals("BALANCE_TYPE_CREDIT") ? "CREDIT" : "CASH")
                .and("a.instrument_id IS NULL"), "e.business_time");
        if (direction != null) {
            query.and(direction.equals("REVENUE") ? "l.amount > 0" : "l.amount < 0");
        }
        query.andIf(trade == null ? null : trade.name(), "e.trade_type = ?");
        query.andIf(optionalText("trade_id", params.tradeId(), 128), "e.trade_id = ?");
        query.andIf(optionalText("payment_channel_no", params.paymentChannelNo(), 64), "e.payment_channel_no = ?");
        String channels = sentOrNull(uri, "payment_channel_id", params.paymentChannelId());
        if (channels != null) {
            query.and(channels.isEmpty() ? "e.payment_channel_id IS NULL" : "e.payment_channel_id = ANY(?)",
                    channels.isEmpty() ? new Object[0] : new Object[] {channelIds(channels)});
        }
        String from = """
                 FROM journal_line l
                 JOIN journal_entry e ON e.entry_id = l.entry_id
                 JOIN ledger_account a ON a.account_id = l.account_id
                 JOIN customer c ON c.customer_id = a.customer_id
                 LEFT JOIN service_type st ON st.service_type_code = e.service_type_code""" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n " + from).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("""
                                SELECT l.line_id, l.amount, l.balance_after, e.trade_id, e.detail_type, e.business_time,
                                       e.payment_channel_id, e.payment_channel_no, c.customer_name, st.name_zh
                                 """ + from + " ORDER BY l.line_id DESC LIMIT " + query.bind(paging.limit())
                                + " OFFSET " + query.bind(paging.offset()))
                        .execute(query.tuple())
                        .map(rows -> {
                            List<ChangeRecord> records = new ArrayList<>();
                            rows.forEach(row -> records.add(record(row)));
                            return new ChangeRecords(count.iterator().next().getLong("n"), "CNY", records);
                        }));
    }

    private static ChangeRecord record(Row row) {
        BigDecimal amount = row.getBigDecimal("amount");
        // the time of the event (an hour of usage is shown at that hour, whenever it was rated), as its bill lines
        String time = BssTime.formatWire(row.getOffsetDateTime("business_time").toInstant());
        LocalDate date = BssTime.businessDate(row.getOffsetDateTime("business_time").toInstant());
        Short channel = row.getShort("payment_channel_id");
        return new ChangeRecord(String.valueOf(row.getLong("line_id")), row.getString("detail_type"), time,
                row.getString("trade_id"), amount.abs().toPlainString(), row.getBigDecimal("balance_after")
                .toPlainString(), amount.signum() > 0 ? "REVENUE" : "EXPENSE",
                date.toString().substring(0, 7), channel == null ? null : channel.toString(),
                row.getString("payment_channel_no"), time, row.getString("customer_name"), row.getString("name_zh"),
                null);
    }

    private static Short[] channelIds(String csv) {
        List<Short> ids = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                int id = Integer.parseInt(part.strip());
                if (!RechargeRequest.PAYMENT_CHANNELS.contains(id)) {
                    throw new NumberFormatException();
                }
                ids.add((short) id);
            } catch (NumberFormatException e) {
                throw BssException.badParameter("payment_channel_id", "must be a comma-separated list of "
                        + RechargeRequest.PAYMENT_CHANNELS.stream().sorted().toList());
            }
        }
        return ids.toArray(Short[]::new);
    }
}
