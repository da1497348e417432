package io.openbss.orders.unsubscriptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What unsubscribing gives back of one paid period: all of it if the period has not started, the unused share of it
 * (by the second, rounded down to the cent) if it is running and the resource goes, nothing for a period used up.
 * Unsubscribing only the renewed periods (type 2) gives back the periods that have not started.
 */
final class RefundRule {

    private RefundRule() {
    }

    static BigDecimal refund(BigDecimal paid, Instant effective, Instant expire, Instant now, boolean resourceToo) {
        if (!now.isBefore(expire)) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (!now.isAfter(effective)) {
            return paid.setScale(2);
        }
        if (!resourceToo) {
            return BigDecimal.ZERO.setScale(2);
        }
        long unused = Duration.between(now, expire).toSeconds();
        long total = Duration.between(effective, expire).toSeconds();
        return paid.multiply(BigDecimal.valueOf(unused)).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
    }
}
