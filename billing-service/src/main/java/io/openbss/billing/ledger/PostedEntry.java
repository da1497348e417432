package io.openbss.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A journal entry as posted; {@code replayed} is true when an earlier posting with the same key is returned. */
public record PostedEntry(long entryId, TradeType tradeType,
        String tradeId, Instant createdAt,
        List<Line> lines, boolean replayed) {

    public record Line(String accountId,
            String accountType, String instrumentId,
            BigDecimal amount, BigDecimal balanceAfter) {
    }

    /** An entry that moved no money (nothing to pay after coupons, or nothing to refund): posted, with no lines. */
    public static PostedEntry withoutLines(long entryId, EntryHeader header, Instant createdAt) {
        return new PostedEntry(entryId, header.tradeType(), header.tradeId(), createdAt, List.of(), false);
    }

    /** The sum of the lines on accounts of one type (CASH, CREDIT, COUPON, ...). */
    public BigDecimal total(String accountType) {
        return lines.stream().filter(l -> accountType.equals(l.accountType())).map(Line::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
