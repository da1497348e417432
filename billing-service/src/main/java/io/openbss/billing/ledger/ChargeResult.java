package io.openbss.billing.ledger;

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
        @JsonProperty("stored_value_cards") List<InstrumentAmount> storedValueCards) {

    public record InstrumentAmount(@JsonProperty("id") String id, @JsonProperty("amount") BigDecimal amount) {
    }

    /** For a charge the amounts are what each account paid (positive); for a refund, what each got back. */
    public static ChargeResult of(PostedEntry entry, boolean refund) {
        BigDecimal sign = refund ? BigDecimal.ONE : BigDecimal.ONE.negate();
        return new ChargeResult(entry.entryId(), entry.tradeId(), entry.replayed(),
                entry.total("REVENUE").multiply(sign.negate()), entry.total("COUPON").multiply(sign),
                entry.total("CARD").multiply(sign), entry.total("CASH").multiply(sign),
                entry.total("CREDIT").multiply(sign), entry.total("DEBT").multiply(sign),
                instruments(entry, "COUPON", sign), instruments(entry, "CARD", sign));
    }

    private static List<InstrumentAmount> instruments(PostedEntry entry, String type, BigDecimal sign) {
        return entry.lines().stream().filter(l -> type.equals(l.accountType()))
                .map(l -> new InstrumentAmount(l.instrumentId(), l.amount().multiply(sign))).toList();
    }
}
