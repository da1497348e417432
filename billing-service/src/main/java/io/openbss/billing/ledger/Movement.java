package io.openbss.billing.ledger;

import io.openbss.common.hash.Sha256;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * One movement of money: a journal entry to post. Its legs sum to zero; the idempotency key makes posting it
 * again return the first posting, and the content hash tells a repeat from a different movement under a reused key.
 */
public record Movement(EntryHeader header, List<Leg> legs) {

    public record Leg(String accountId, BigDecimal amount) {
    }

    public Movement {
        if (legs.size() < 2) {
            throw new IllegalArgumentException("a movement has at least two legs");
        }
        BigDecimal sum = legs.stream().map(Leg::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("the legs of a movement sum to zero, not " + sum);
        }
        if (legs.stream().anyMatch(leg -> leg.amount().signum() == 0 || leg.amount().scale() > 2)) {
            throw new IllegalArgumentException("leg amounts are non-zero and to the cent");
        }
        // Lines are written in account order, so that concurrent movements lock accounts in one order.
        legs = legs.stream().sorted(Comparator.comparing(Leg::accountId)).toList();
    }

    /** The hash that identifies a request under its idempotency key. */
    public static String contentHash(Object... parts) {
        StringBuilder content = new StringBuilder();
        for (Object part : parts) {
            content.append(part instanceof BigDecimal amount ? amount.setScale(2).toPlainString() : String.valueOf(part))
                    .append('|');
        }
        return Sha256.hex(content.toString());
    }

    /** A movement whose identity is its legs: the same key with other legs or another trade is refused. */
    public static Movement of(EntryHeader header, List<Leg> legs) {
        StringBuilder content = new StringBuilder();
        content.append(header.tradeType()).append('|').append(header.tradeId()).append('|').append(header.customerId());
        legs.stream().sorted(Comparator.comparing(Leg::accountId)).forEach(leg -> content.append('|')
                .append(leg.accountId()).append('=').append(leg.amount().setScale(2).toPlainString()));
        return new Movement(header.withContentHash(Sha256.hex(content.toString())), legs);
    }
}
