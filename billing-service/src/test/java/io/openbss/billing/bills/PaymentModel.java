package io.openbss.billing.bills;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The documented payment rules, written again for the tests from the API's description rather than taken from the
 * ledger: a charge's total is rounded to the cent once and split over its lines by largest remainders; sources pay
 * in their order (cash coupons, stored-value cards, cash, credit, arrears), line by line, as far as each goes; a
 * refund goes back to cash, credit and cards in proportion to what they paid.
 */
public final class PaymentModel {

    /** Who pays, in the column of the bill line it fills. */
    public enum Part {
        COUPON, CARD, CASH, CREDIT, DEBT
    }

    /** A source of money: its part, the cents it holds and the services it may pay. */
    public record Source(Part part, long available, Predicate<String> pays) {

        public static Source any(Part part, long available) {
            return new Source(part, available, service -> true);
        }
    }

    /** What paid each line, in cents, indexed by line then {@link Part#ordinal()}. */
    public record Plan(long[][] paid, long unpaid) {

        public long paid(int line, Part part) {
            return paid[line][part.ordinal()];
        }

        public long total(Part part) {
            long total = 0;
            for (long[] line : paid) {
                total += line[part.ordinal()];
            }
            return total;
        }
    }

    private PaymentModel() {
    }

    /** Cents of an amount rounded half up (away from zero for negative amounts). */
    public static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    public static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * The cents each amount (>= 0) pays: the total rounded half up once, each amount's floor plus one more cent for
     * the largest fractions first (the earlier line on a tie) until the shares reach the total.
     */
    public static long[] shares(List<BigDecimal> amounts) {
        long total = cents(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        long[] shares = new long[amounts.size()];
        List<Integer> byFraction = new ArrayList<>();
        long floored = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = amounts.get(i).movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
            floored += shares[i];
            byFraction.add(i);
        }
        byFraction.sort(Comparator.comparing((Integer i) -> fraction(amounts.get(i))).reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < total - floored; k++) {
            shares[byFraction.get(k)]++;
        }
        return shares;
    }

    private static BigDecimal fraction(BigDecimal amount) {
        BigDecimal inCents = amount.movePointRight(2);
        return inCents.subtract(inCents.setScale(0, RoundingMode.FLOOR));
    }

    /** Sources pay the lines in order, each line as far as the source may and can; the rest is unpaid. */
    public static Plan pay(long[] dues, List<String> services, List<Source> sources) {
        long[][] paid = new long[dues.length][Part.values().length];
        long[] left = dues.clone();
        for (Source source : sources) {
            long available = source.available();
            for (int line = 0; line < dues.length && available > 0; line++) {
                if (left[line] > 0 && source.pays().test(services.get(line))) {
                    long take = Math.min(available, left[line]);
                    left[line] -= take;
                    available -= take;
                    paid[line][source.part().ordinal()] += take;
                }
            }
        }
        long unpaid = 0;
        for (long l : left) {
            unpaid += l;
        }
        return new Plan(paid, unpaid);
    }

    /**
     * Splits {@code total} cents over accounts in proportion to what each may get back: each its exact share rounded
     * down, then one more cent for the largest remainders first (the earlier account on a tie).
     */
    public static long[] proportional(long[] refundable, long total) {
        long available = 0;
        for (long r : refundable) {
            available += r;
        }
        long[] shares = new long[refundable.length];
        if (available == 0) {
            return shares;
        }
        BigInteger whole = BigInteger.valueOf(available);
        long[] remainders = new long[refundable.length];
        long assigned = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < refundable.length; i++) {
            BigInteger[] division = BigInteger.valueOf(refundable[i]).multiply(BigInteger.valueOf(total))
                    .divideAndRemainder(whole);
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1].longValueExact();
            assigned += shares[i];
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < total - assigned; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }
}
