package io.openbss.billing.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A journal entry as posted; {@code replayed} is true when an earlier posting with the same key is returned. */
public record PostedEntry(@JsonProperty("entry_id") long entryId, @JsonProperty("trade_type") TradeType tradeType,
        @JsonProperty("trade_id") String tradeId, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("lines") List<Line> lines, @JsonProperty("replayed") boolean replayed) {

    public record Line(@JsonProperty("account_id") String accountId,
            @JsonProperty("account_type") String accountType, @JsonProperty("instrument_id") String instrumentId,
            @JsonProperty("amount") BigDecimal amount, @JsonProperty("balance_after") BigDecimal balanceAfter) {
    }

    /** The sum of the lines on accounts of one type (CASH, CREDIT, COUPON, ...). */
    public BigDecimal total(String accountType) {
        return lines.stream().filter(l -> accountType.equals(l.accountType())).map(Line::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
