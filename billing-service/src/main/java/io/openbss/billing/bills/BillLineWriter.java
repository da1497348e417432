package io.openbss.billing.bills;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.sql.SqlRows;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes bill lines inside the transaction of the movement that paid them. A line's bill date and cycle are the
 * UTC+8 day and month of its trade's business time (the payment, or the hour of usage whenever it was rated), the
 * same as the change record of that movement shows.
 */
@ApplicationScoped
public class BillLineWriter {

    /** What paid one line, in cents, by column. */
    public record Payment(long cash, long credit, long coupon, long storedCard, long debt) {
    }

    /** The trade the lines belong to. */
    public record Trade(String customerId, String payerCustomerId, Long entryId, String tradeId,
            OffsetDateTime tradeTime) {
    }

    /** The lines of one trade and what paid each, in the same order. */
    public record TradeLines(Trade trade, List<BillLineInput> lines, List<Payment> payments) {
    }

    private static final DateTimeFormatter CYCLE = DateTimeFormatter.ofPattern("yyyy-MM");

    /** Writes the lines of the trades, in their order, in one statement. */
    public Uni<Void> write(SqlConnection connection, List<TradeLines> trades) {
        List<List<Object>> rows = new ArrayList<>();
        for (TradeLines tradeLines : trades) {
            Trade trade = tradeLines.trade();
            LocalDate tradeDate = trade.tradeTime().atZoneSameInstant(BssTime.BUSINESS_ZONE).toLocalDate();
            for (int i = 0; i < tradeLines.lines().size(); i++) {
                BillLineInput l = tradeLines.lines().get(i);
                Payment p = tradeLines.payments().get(i);
                rows.add(Arrays.asList(trade.customerId(), trade.payerCustomerId(), trade.entryId(),
                        tradeDate.format(CYCLE), tradeDate, trade.tradeId(), trade.tradeTime(),
                        l.billType().shortValue(), l.chargingMode().shortValue(), l.serviceTypeCode(),
                        l.resourceTypeCode(), l.regionCode(), l.resourceId(), l.resourceName(), l.productId(),
                        l.productSpecDesc(), l.enterpriseProjectId(), l.orderId(),
                        l.periodType() == null ? null : l.periodType().shortValue(), l.usageTypeCode(),
                        numeric(l.usage()), l.usageMeasureId(), numeric(l.freeResourceUsage() == null
                                ? BigDecimal.ZERO : l.freeResourceUsage()), numeric(l.unitPrice()), l.unit(),
                        time(l.effectiveTime()), time(l.expireTime()), numeric(l.officialAmount()),
                        numeric(l.discountAmount()), numeric(l.amount()), cents(p.cash()), cents(p.credit()),
                        cents(p.coupon()), cents(p.storedCard()), cents(p.debt()), cents(Math.max(0, p.debt()))));
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SqlRows written = SqlRows.of(rows);
        return connection.preparedQuery("""
                        INSERT INTO bill_line (customer_id, payer_customer_id, entry_id, bill_cycle, bill_date, trade_id,
                            trade_time, bill_type, charging_mode, service_type_code, resource_type_code, region_code,
                            resource_id, resource_name, product_id, product_spec_desc, enterprise_project_id, order_id,
                            period_type, usage_type_code, usage, usage_measure_id, free_resource_usage, unit_price, unit,
                            effective_time, expire_time, official_amount, discount_amount, amount, cash_amount,
                            credit_amount, coupon_amount, stored_card_amount, debt_amount, debt_outstanding)
                        VALUES %s""".formatted(written.values()))
                .execute(written.parameters()).replaceWithVoid();
    }

    /**
     * What paid each bill line of an entry, in the order they were written (the order of the request's lines); found
     * through the trade's index. A replayed charge answers with it.
     */
    public Uni<List<Payment>> payments(SqlConnection connection, String tradeId, long entryId) {
        return connection.preparedQuery("""
                        SELECT cash_amount, credit_amount, coupon_amount, stored_card_amount, debt_amount
                          FROM bill_line WHERE trade_id = $1 AND entry_id = $2 ORDER BY line_id""")
                .execute(Tuple.of(tradeId, entryId))
                .map(rows -> {
                    List<Payment> payments = new ArrayList<>();
                    rows.forEach(r -> payments.add(new Payment(cents(r, "cash_amount"), cents(r, "credit_amount"),
                            cents(r, "coupon_amount"), cents(r, "stored_card_amount"), cents(r, "debt_amount"))));
                    return payments;
                });
    }

    private static long cents(Row row, String column) {
        return row.getBigDecimal(column).movePointRight(2).longValueExact();
    }

    private static Numeric numeric(BigDecimal value) {
        return value == null ? null : Numeric.create(value);
    }

    private static Numeric cents(long cents) {
        return Numeric.create(BigDecimal.valueOf(cents, 2));
    }

    private static OffsetDateTime time(String wire) {
        return wire == null || wire.isEmpty() ? null
                : utc(BssTime.parseWire(wire));
    }
}
