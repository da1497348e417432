package io.openbss.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.ledger.PaymentPlan.AccountRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The arithmetic of charges: rounding to the cent once, and the order in which sources pay. */
class PaymentArithmeticPropertiesTest {

    @Property(tries = 500)
    void sharesSumToTheRoundedTotalAndStayWithinACentOfEachAmount(
            @ForAll("amounts") List<BigDecimal> amounts) {
        long[] shares = Cents.shares(amounts);
        BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(java.util.Arrays.stream(shares).sum())
                .isEqualTo(total.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
        for (int i = 0; i < shares.length; i++) {
            BigDecimal inCents = amounts.get(i).movePointRight(2);
            assertThat(BigDecimal.valueOf(shares[i]).subtract(inCents).abs()).isLessThan(BigDecimal.ONE);
            assertThat(shares[i]).isNotNegative();
        }
    }

    /** A charge: what each line owes, its service, and the sources in the order they pay. */
    record Case(long[] dues, List<String> services, List<PaymentPlan.Source> sources) {
    }

    @Property(tries = 800)
    void sourcesPayInOrderNeverMoreThanTheyHoldAndOnlyWhatTheyMay(@ForAll("cases") Case c) {
        PaymentPlan plan = PaymentPlan.of(c.dues(), c.services(), c.sources());
        long due = java.util.Arrays.stream(c.dues()).sum();
        long paid = 0;
        for (AccountRole role : AccountRole.values()) {
            paid += plan.total(role);
        }
        assertThat(paid + plan.unpaid()).isEqualTo(due);
        for (int line = 0; line < c.dues().length; line++) {
            long linePaid = 0;
            for (AccountRole role : AccountRole.values()) {
                linePaid += plan.paid(line, role);
            }
            assertThat(linePaid).isBetween(0L, c.dues()[line]);
        }
        List<PaymentPlan.Taken> takings = plan.takings();
        for (PaymentPlan.Taken taken : takings) {
            assertThat(taken.cents()).isPositive().isLessThanOrEqualTo(taken.source().available());
        }
        // a line left unpaid means every source that may pay it is exhausted
        for (int line = 0; line < c.dues().length; line++) {
            long linePaid = 0;
            for (AccountRole role : AccountRole.values()) {
                linePaid += plan.paid(line, role);
            }
            if (linePaid < c.dues()[line]) {
                String service = c.services().get(line);
                for (PaymentPlan.Source source : c.sources()) {
                    if (source.pays().test(service)) {
                        long took = takings.stream().filter(t -> t.source() == source)
                                .mapToLong(PaymentPlan.Taken::cents).sum();
                        assertThat(took).as("source %s", source.accountId()).isEqualTo(source.available());
                    }
                }
            }
        }
        // the first source pays all it may, up to what it holds
        PaymentPlan.Source first = c.sources().getFirst();
        long eligible = 0;
        for (int line = 0; line < c.dues().length; line++) {
            if (first.pays().test(c.services().get(line))) {
                eligible += c.dues()[line];
            }
        }
        assertThat(takings.stream().filter(t -> t.source() == first).mapToLong(PaymentPlan.Taken::cents).sum())
                .isEqualTo(Math.min(first.available(), eligible));
    }

    @Provide
    Arbitrary<List<BigDecimal>> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(8)
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<Case> cases() {
        List<String> services = List.of("ecs", "evs", "obs");
        Arbitrary<long[]> dues = Arbitraries.longs().between(0, 50_000).array(long[].class).ofMinSize(1).ofMaxSize(12);
        Arbitrary<PaymentPlan.Source> source = Combinators.combine(
                Arbitraries.of(AccountRole.values()), Arbitraries.longs().between(0, 80_000),
                Arbitraries.subsetOf(services), Arbitraries.strings().alpha().ofLength(6))
                .as((role, available, allowed, id) -> new PaymentPlan.Source(id, role, null, available,
                        allowed.isEmpty() ? any -> true : Set.copyOf(allowed)::contains));
        return Combinators.combine(dues, source.list().ofMinSize(1).ofMaxSize(6), Arbitraries.randomValue(r -> r))
                .as((d, s, random) -> {
                    List<String> lineServices = new ArrayList<>();
                    for (int i = 0; i < d.length; i++) {
                        lineServices.add(services.get(random.nextInt(services.size())));
                    }
                    return new Case(d, lineServices, s);
                });
    }
}
