package io.openbss.billing.bills;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * A random history of a few customers over some billing cycles: what each holds at first, then purchases of
 * yearly/monthly resources, pay-per-use usage rated some time after its hour (often in a later month), refunds of
 * purchases and replays of earlier requests, each at a minute of the window the history covers.
 */
public record BillHistory(List<Wallet> wallets, List<Event> events) {

    /** What a customer holds before the history: cash, credit granted, a stored-value card, a cash coupon. */
    public record Wallet(long cash, long credit, long card, long coupon, boolean couponForEcsOnly) {
    }

    /** Something a customer does, at a minute from the start of the window. */
    public sealed interface Event permits Purchase, Usage, Refund, Replay {

        int customer();

        long minute();
    }

    /** An order of one to three resources for a month or a year, maybe naming the customer's cash coupon. */
    public record Purchase(int customer, long minute, boolean yearly, boolean renewal, boolean withCoupon,
            List<Item> items) implements Event {
    }

    /** One resource bought: a server (ECS) or a disk (EVS), its payable amount and the discount off its price. */
    public record Item(boolean server, BigDecimal amount, BigDecimal discount) {
    }

    /** Metering of one hour, {@code lagHours} before the event, sent and rated at the event. */
    public record Usage(int customer, long minute, int lagHours, List<Meter> meters) implements Event {
    }

    /**
     * One metering record: {@code quarters} quarter-hours of one of four resources (two servers of different
     * flavours, two disks of different sizes), in hours or in minutes.
     */
    public record Meter(int resource, int quarters, boolean inMinutes) {
    }

    /** A refund of part of an earlier purchase's refundable money, against one of its resources. */
    public record Refund(int customer, long minute, int purchase, int item, int percent, int decimals)
            implements Event {
    }

    /** An earlier purchase or usage batch sent again. */
    public record Replay(int customer, long minute, int pick, boolean usage) implements Event {
    }

    /** Histories of {@code customers} customers over a window of {@code windowMinutes}. */
    public static Arbitrary<BillHistory> of(int customers, long windowMinutes) {
        Arbitrary<Event> event = Arbitraries.frequencyOf(
                Tuple.of(4, purchases(customers, windowMinutes)),
                Tuple.of(5, usages(customers, windowMinutes)),
                Tuple.of(3, refunds(customers, windowMinutes)),
                Tuple.of(1, replays(customers, windowMinutes)));
        return Combinators.combine(walletArbitrary().list().ofSize(customers), event.list().ofMinSize(2).ofMaxSize(12)
                        .withSizeDistribution(RandomDistribution.uniform()))
                .as((wallets, events) -> new BillHistory(wallets, events.stream()
                        .sorted(Comparator.comparingLong(Event::minute)).toList()));
    }

    static Arbitrary<Wallet> walletArbitrary() {
        Arbitrary<Long> cash = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(3, cents(0, 50_000)));
        return Combinators.combine(cash, Arbitraries.of(0L, 0L, 0L, 3_000L, 20_000L),
                        Arbitraries.of(0L, 0L, 1_500L, 6_000L),
                        Arbitraries.of(0L, 2_000L, 9_000L, 9_000L), Arbitraries.of(true, false, false))
                .as(Wallet::new);
    }

    static Arbitrary<Event> purchases(int customers, long window) {
        Arbitrary<Item> item = Combinators.combine(Arbitraries.of(true, false), amounts(),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(BigDecimal.ZERO)),
                                Tuple.of(1, cents(1, 5_000).map(c -> BigDecimal.valueOf(c, 2)))))
                .as(Item::new);
        return Combinators.combine(customer(customers), minute(window), Arbitraries.of(false, false, true),
                        Arbitraries.of(true, false), Arbitraries.of(true, true, false),
                        item.list().ofMinSize(1).ofMaxSize(3))
                .as(Purchase::new);
    }

    /** Payable amounts with 0 to 8 decimals, mostly up to 30.00, some up to 300.00. */
    static Arbitrary<BigDecimal> amounts() {
        Arbitrary<Long> units = Arbitraries.frequencyOf(Tuple.of(3, cents(0, 30_00_000_000L)),
                Tuple.of(1, cents(0, 300_00_000_000L)));
        return Combinators.combine(units, Arbitraries.integers().between(0, 8))
                .as((u, decimals) -> BigDecimal.valueOf(u, 8).setScale(decimals, RoundingMode.DOWN));
    }

    static Arbitrary<Event> usages(int customers, long window) {
        Arbitrary<Meter> meter = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 8), Arbitraries.of(true, false)).as(Meter::new);
        return Combinators.combine(customer(customers), minute(window),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.integers().between(1, 6)),
                                Tuple.of(3, Arbitraries.integers().between(7, 24 * 40)
                                        .withDistribution(RandomDistribution.uniform()))),
                        meter.list().ofMinSize(1).ofMaxSize(4))
                .as(Usage::new);
    }

    static Arbitrary<Event> refunds(int customers, long window) {
        return Combinators.combine(customer(customers), minute(window), Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(100)),
                                Tuple.of(3, Arbitraries.integers().between(0, 99))),
                        Arbitraries.integers().between(0, 8))
                .as(Refund::new);
    }

    static Arbitrary<Event> replays(int customers, long window) {
        return Combinators.combine(customer(customers), minute(window), Arbitraries.integers().between(0, 50),
                Arbitraries.of(true, false)).as(Replay::new);
    }

    /** The first customer acts more often than the others. */
    private static Arbitrary<Integer> customer(int customers) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, customers - 1)));
    }

    private static Arbitrary<Long> minute(long window) {
        return Arbitraries.longs().between(0, window - 1).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Long> cents(long min, long max) {
        return Arbitraries.longs().between(min, max).withDistribution(RandomDistribution.uniform());
    }
}
