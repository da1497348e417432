package io.openbss.billing.ledger;

import io.openbss.billing.bills.BillLineWriter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a charge (or refund) moved: the total and what each kind of account paid or got back. Built from the
 * posted entry, so a replay answers exactly as the first posting did.
 */
public record ChargeResult(@JsonProperty("entry_id") long entryId, @JsonProperty("trade_id") String tradeId,
        @JsonProperty("replayed") boolean replayed, @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("coupon_amount") BigDecimal couponAmount,
        @JsonProperty("stored_card_amount") BigDecimal storedCardAmount,
        @JsonProperty("cash_amount") BigDecimal cashAmount, @JsonProperty("credit_amount") BigDecimal creditAmount,
        @JsonProperty("debt_amount") BigDecimal debtAmount, @JsonProperty("coupons") List<InstrumentAmount> coupons,
        @JsonProperty("stored_value_cards") List<InstrumentAmount> storedValueCards,
        @JsonProperty("lines") List<LinePayment> lines) {

    public record InstrumentAmount(@JsonProperty("id") String id, @JsonProperty("amount") BigDecimal amount) {
    }

    /** What paid (or got back) one line of the request, in its order: what its bill line records. */
    public record LinePayment(@JsonProperty("cash_amount") BigDecimal cashAmount,
            @JsonProperty("credit_amount") BigDecimal creditAmount,
            @JsonProperty("coupon_amount") BigDecimal couponAmount,
            @JsonProperty("stored_card_amount") BigDecimal storedCardAmount,
            @JsonProperty("debt_amount") BigDecimal debtAmount) {
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
