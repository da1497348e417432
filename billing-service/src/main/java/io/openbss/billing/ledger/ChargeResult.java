package io.openbss.billing.ledger;

import io.openbss.billing.bills.BillLineWriter;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a charge (or refund) moved: the total and what each kind of account paid or got back. Built from the
 * posted entry, so a replay answers exactly as the first posting did.
 */
public record ChargeResult(long entryId, String tradeId,
        boolean replayed, BigDecimal amount,
        BigDecimal couponAmount,
        BigDecimal storedCardAmount,
        BigDecimal cashAmount, BigDecimal creditAmount,
        BigDecimal debtAmount, List<InstrumentAmount> coupons,
        List<InstrumentAmount> storedValueCards,
        List<LinePayment> lines) {

    public record InstrumentAmount(String id, BigDecimal amount) {
    }

    /** What paid (or got back) one line of the request, in its order: what its bill line records. */
    public record LinePayment(BigDecimal cashAmount,
            BigDecimal creditAmount,
            BigDecimal couponAmount,
            BigDecimal storedCardAmount,
            BigDecimal debtAmount) {
    }

    /**
     * For a charge the amounts are what each account paid (positive); for a refund, what each got back; per line as
     * its bill line records it.
     */
    public static ChargeResult of(PostedEntry entry, boolean refund, List<BillLineWriter.Payment> lines) {
        BigDecimal sign = refund ? BigDecimal.ONE : BigDecimal.ONE.negate();
        return new ChargeResult(entry.entryId(), entry.tradeId(), entry.replayed(),
                entry.total("REVENUE").multiply(sign.negate()), entry.total("COUPON").multiply(sign),
                entry.total("CARD").multiply(sign), entry.total("CASH").multiply(sign),
                entry.total("CREDIT").multiply(sign), entry.total("DEBT").multiply(sign),
                instruments(entry, "COUPON", sign), instruments(entry, "CARD", sign), lines.stream()
                        .map(p -> new LinePayment(Cents.toAmount(Math.abs(p.cash())),
                                Cents.toAmount(Math.abs(p.credit())), Cents.toAmount(Math.abs(p.coupon())),
                                Cents.toAmount(Math.abs(p.storedCard())), Cents.toAmount(Math.abs(p.debt()))))
                        .toList());
    }

    private static List<InstrumentAmount> instruments(PostedEntry entry, String type, BigDecimal sign) {
        return entry.lines().stream().filter(l -> type.equals(l.accountType()))
                .map(l -> new InstrumentAmount(l.instrumentId(), l.amount().multiply(sign))).toList();
    }
}
