package io.openbss.billing.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Money to the cent, as the ledger moves it. */
public final class Cents {

    private Cents() {
    }

    public static long of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    public static BigDecimal toAmount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * Splits the rounded total of some 8-decimal amounts into cents per amount: the total is rounded once (half up),
     * and each share is its amount rounded down or up (largest remainders first), so that the shares sum to the
     * total. Amounts are >= 0.
     */
    public static long[] shares(List<BigDecimal> amounts) {
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long total = of(sum);
        long[] shares = new long[amounts.size()];
        BigDecimal[] remainders = new BigDecimal[amounts.size()];
        long floored = 0;
        for (int i = 0; i < shares.length; i++) {
            BigDecimal inCents = amounts.get(i).movePointRight(2);
            BigDecimal floor = inCents.setScale(0, RoundingMode.FLOOR);
            shares[i] = floor.longValueExact();
            remainders[i] = inCents.subtract(floor);
            floored += shares[i];
        }
        long extra = total - floored;
        List<Integer> order = IntStream.range(0, shares.length).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < extra; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }
}
