package io.openbss.billing.bills;

import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * How a bill line's amount spreads over time: a yearly/monthly line over its subscription period, in proportion to
 * time (UTC+8 months); any other line entirely in its own billing cycle. The three shares sum to the amount.
 */
public final class Amortization {

    /** The shares before, in and after a month. */
    public record Share(BigDecimal past, BigDecimal current, BigDecimal future) {
    }

    private Amortization() {
    }

    public static Share of(BigDecimal amount, int chargingMode, Instant effective, Instant expire, String billCycle,
            YearMonth month) {
        if (chargingMode == 1 && effective != null && expire != null && expire.isAfter(effective)) {
            Instant start = BssTime.startOf(month.atDay(1));
            Instant end = BssTime.startOf(month.plusMonths(1).atDay(1));
            BigDecimal past = portion(amount, effective, expire, effective, min(expire, start));
            BigDecimal future = portion(amount, effective, expire, max(effective, end), expire);
            return new Share(past, amount.subtract(past).subtract(future), future);
        }
        int order = YearMonth.parse(billCycle).compareTo(month);
        BigDecimal zero = BigDecimal.ZERO.setScale(8);
        return order < 0 ? new Share(amount, zero, zero) : order > 0 ? new Share(zero, zero, amount)
                : new Share(zero, amount, zero);
    }

    /**
     * The cents of {@code paid} (an amount to the cent, spread over [from, to)) that fall in [a, b), with
     * {@code from <= a <= b <= to}: what is spread up to {@code b} less what is spread up to {@code a}, each rounded to
     * the cent, so that the cents of adjoining periods add up to exactly what was paid.
     */
    static BigDecimal cents(BigDecimal paid, Instant from, Instant to, Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return spreadUpTo(paid, from, to, b).subtract(spreadUpTo(paid, from, to, a));
    }

    private static BigDecimal spreadUpTo(BigDecimal paid, Instant from, Instant to, Instant t) {
        return portion(paid, from, to, from, t).setScale(2, RoundingMode.HALF_UP);
    }

    /** The part of {@code amount} (spread over [from, to)) that falls in [a, b). */
    static BigDecimal portion(BigDecimal amount, Instant from, Instant to, Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return BigDecimal.ZERO.setScale(8);
        }
        long whole = Duration.between(from, to).toSeconds();
        long part = Duration.between(a, b).toSeconds();
        return amount.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 8, RoundingMode.HALF_UP);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
