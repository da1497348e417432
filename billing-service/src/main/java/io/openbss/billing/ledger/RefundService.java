package io.openbss.billing.ledger;

import io.openbss.billing.bills.BillLineInput;
import io.openbss.billing.bills.BillLineWriter;
import io.openbss.billing.ledger.PaymentPlan.AccountRole;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Refunds go back where the charge took the money from, in proportion: to cash, to credit and to stored-value
 * cards. What coupons paid is not refunded (the rule of the public cloud), and refunds of one charge never exceed
 * what it took from the other sources; refunds of one charge are serialised by a lock on the charge's entry.
 */
@ApplicationScoped
public class RefundService {

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    @Inject
    BillLineWriter bills;

    /**
     * Posts a refund, or answers the earlier one with its key. What went back for each bill line comes from the
     * payment plan when this call posted it, and is read back from the bill lines only for a replay.
     */
    public Uni<ChargeResult> refund(RefundRequest request) {
        AtomicReference<List<BillLineWriter.Payment>> paid = new AtomicReference<>();
        EntryHeader header = new EntryHeader("refund:" + request.idempotencyKey(), request.contentHash(),
                TradeType.REFUND, "REFUND_UNSUBSCRIBE", request.tradeId(), request.payer(),
                ChargeService.singleService(request.lines()), null, null, null, request.refundsTradeId(), null);
        return ledger.transaction(connection -> journal.claimed(connection, header,
                        entryId -> refundable(connection, request).flatMap(refundable -> give(connection, entryId,
                                header, request, refundable, paid::set)))
                .flatMap(entry -> (entry.replayed() ? bills.payments(connection, entry.tradeId(), entry.entryId())
                        : Uni.createFrom().item(paid.get())).map(lines -> ChargeResult.of(entry, true, lines))));
    }

    /** What the charge paid, per account, from refundable sources, less what earlier refunds gave back. */
    private Uni<Map<String, Long>> refundable(SqlConnection connection, RefundRequest request) {
        return connection.preparedQuery("""
                        SELECT entry_id FROM journal_entry
                         WHERE trade_id = $1 AND customer_id = $2 AND trade_type = 'DEDUCT' ORDER BY entry_id FOR UPDATE""")
                .execute(Tuple.of(request.refundsTradeId(), request.payer()))
                .flatMap(charges -> {
                    if (charges.size() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No charge " + request.refundsTradeId()
                                + " of customer " + request.payer() + " to refund");
                    }
                    return connection.preparedQuery("""
                                    SELECT l.account_id, a.account_type, -sum(l.amount) AS paid
                                      FROM journal_entry e
                                      JOIN journal_line l ON l.entry_id = e.entry_id
                                      JOIN ledger_account a ON a.account_id = l.account_id
                                     WHERE e.customer_id = $2 AND a.account_type IN ('CASH', 'CREDIT', 'CARD')
                                       AND ((e.trade_id = $1 AND e.trade_type = 'DEDUCT') OR e.refunds_trade_id = $1)
                                     GROUP BY l.account_id, a.account_type
                                     ORDER BY a.account_type, l.account_id""")
                            .execute(Tuple.of(request.refundsTradeId(), request.payer()));
                })
                .map(rows -> {
                    Map<String, Long> refundable = new LinkedHashMap<>();
                    for (Row row : rows) {
                        long cents = Cents.of(row.getBigDecimal("paid"));
                        if (cents > 0) {
                            refundable.put(row.getString("account_id"), cents);
                        }
                    }
                    return refundable;
                });
    }

    private Uni<PostedEntry> give(SqlConnection connection, long entryId, EntryHeader header, RefundRequest request,
            Map<String, Long> refundable, Consumer<List<BillLineWriter.Payment>> paid) {
        long[] dues = Cents.shares(request.lines().stream().map(l -> l.amount().negate()).toList());
        long total = java.util.Arrays.stream(dues).sum();
        long available = refundable.values().stream().mapToLong(Long::longValue).sum();
        if (total > available) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "The refund of " + Cents.toAmount(total)
                    + " exceeds what charge " + request.refundsTradeId() + " can still give back ("
                    + Cents.toAmount(available) + ")");
        }
        Map<String, Long> share = proportional(refundable, total);
        return journal.lock(connection, share.keySet()).flatMap(accounts -> {
            List<PaymentPlan.Source> sources = new ArrayList<>();
            share.forEach((accountId, cents) -> sources.add(new PaymentPlan.Source(accountId,
                    role(accounts.get(accountId).accountType()), null, cents, any -> true)));
            PaymentPlan plan = PaymentPlan.of(dues, request.lines().stream().map(BillLineInput::serviceTypeCode)
                    .toList(), sources);
            List<Movement.Leg> legs = new ArrayList<>();
            share.forEach((accountId, cents) -> {
                if (cents > 0) {
                    legs.add(new Movement.Leg(accountId, Cents.toAmount(cents)));
                }
            });
            if (total > 0) {
                legs.add(new Movement.Leg(ChargeService.REVENUE, Cents.toAmount(-total)));
            }
            List<BillLineWriter.Payment> payments = new ArrayList<>();
            for (int i = 0; i < dues.length; i++) {
                payments.add(new BillLineWriter.Payment(-plan.paid(i, AccountRole.CASH),
                        -plan.paid(i, AccountRole.CREDIT), 0, -plan.paid(i, AccountRole.CARD), 0));
            }
            paid.accept(payments);
            Uni<PostedEntry> written = legs.isEmpty()
                    ? Uni.createFrom().item(PostedEntry.withoutLines(entryId, header, journal.now().toInstant()))
                    : journal.write(connection, entryId, header, legs);
            return written.call(() -> bills.write(connection, List.of(new BillLineWriter.TradeLines(
                    new BillLineWriter.Trade(request.customerId(), request.payer(), entryId, request.tradeId(),
                            journal.now()), request.lines(), payments))));
        });
    }

    /** Splits {@code total} cents over the accounts in proportion to what each may get back (largest remainders). */
    static Map<String, Long> proportional(Map<String, Long> refundable, long total) {
        long available = refundable.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> share = new LinkedHashMap<>();
        if (available == 0) {
            return share;
        }
        List<BigDecimal> exact = new ArrayList<>();
        refundable.values().forEach(cents -> exact.add(BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(available), 8, java.math.RoundingMode.DOWN).movePointLeft(2)));
        long[] cents = Cents.shares(exact);
        int i = 0;
        long assigned = 0;
        for (String account : refundable.keySet()) {
            share.put(account, cents[i]);
            assigned += cents[i++];
        }
        if (assigned != total) {
            // the shares of amounts that sum to `total` round to `total`; this only guards the arithmetic
            throw new IllegalStateException("refund shares " + assigned + " != " + total);
        }
        return share;
    }

    private static AccountRole role(String accountType) {
        return AccountRole.valueOf(accountType);
    }
}
