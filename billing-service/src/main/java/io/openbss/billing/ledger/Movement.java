package io.openbss.billing.ledger;

import io.openbss.common.signing.CanonicalRequest;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * One movement of money: a journal entry to post. Its legs sum to zero; the idempotency key makes posting it
 * again return the first posting, and the content hash tells a repeat from a different movement under a reused key.
 */
public record Movement(String idempotencyKey, TradeType tradeType, String tradeId, String customerId,
        List<Leg> legs, String paymentChannel, String paymentChannelNo, String description) {

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

    /** What must be equal for a repeated idempotency key to be the same movement. */
    public String contentHash() {
        StringBuilder content = new StringBuilder();
        content.append(tradeType).append('|').append(tradeId).append('|').append(customerId);
        for (Leg leg : legs) {
            content.append('|').append(leg.accountId()).append('=').append(leg.amount().setScale(2).toPlainString());
        }
        return CanonicalRequest.sha256Hex(content.toString());
    }
}
