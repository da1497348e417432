package io.openbss.billing.bills;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.assertj.core.data.Offset;

/**
 * The arithmetic of amortisation: a line's shares before, in and after a month add up to its amount; over the
 * months of its period its monthly shares add up to it; and the cents of adjoining periods add up to exactly what
 * was paid, however the period is cut.
 */
class AmortizationPropertiesTest {

    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final BigDecimal ONE_E_8 = new BigDecimal("0.00000001");

    /** A yearly/monthly line: its amount and its period. */
    record Line(BigDecimal amount, Instant effective, Instant expire) {
    }

    @Property(tries = 300)
    void sharesBeforeInAndAfterAnyMonthAddUpToTheAmount(@ForAll("lines") Line line,
            @ForAll("months") YearMonth month) {
        Amortization.Share share = Amortization.of(line.amount(), 1, line.effective(), line.expire(), "2025-01",
                month);
        assertThat(share.past().add(share.current()).add(share.future())).isEqualByComparingTo(line.amount());
        for (BigDecimal part : List.of(share.past(), share.current(), share.future())) {
            assertThat(part.abs()).isLessThanOrEqualTo(line.amount().abs().add(ONE_E_8));
            assertThat(part.scale()).isEqualTo(8);
        }
    }

    @Property(tries = 200)
    void theMonthlySharesOfAPeriodAddUpToItsAmount(@ForAll("lines") Line line) {
        YearMonth first = YearMonth.from(line.effective().atOffset(ZoneOffset.ofHours(8)));
        YearMonth last = YearMonth.from(line.expire().atOffset(ZoneOffset.ofHours(8)));
        BigDecimal shared = BigDecimal.ZERO;
        int months = 0;
        for (YearMonth m = first.minusMonths(1); !m.isAfter(last.plusMonths(1)); m = m.plusMonths(1)) {
            shared = shared.add(Amortization.of(line.amount(), 1, line.effective(), line.expire(), "2025-01", m)
                    .current());
            months++;
        }
        // each month's share is rounded to 8 decimals once
        assertThat(shared).isCloseTo(line.amount(), Offset.offset(ONE_E_8.multiply(BigDecimal.valueOf(months))));
    }

    @Property(tries = 300)
    void centsOfAdjoiningPeriodsAddUpToWhatWasPaid(@ForAll("lines") Line line, @ForAll("cuts") List<Long> cuts) {
        BigDecimal paid = line.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        long span = line.expire().getEpochSecond() - line.effective().getEpochSecond();
        List<Instant> points = new ArrayList<>();
        points.add(line.effective());
        cuts.stream().mapToLong(c -> Math.floorMod(c, span)).sorted()
                .forEach(c -> points.add(line.effective().plusSeconds(c)));
        points.add(line.expire());
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i + 1 < points.size(); i++) {
            BigDecimal cents = Amortization.cents(paid, line.effective(), line.expire(), points.get(i),
                    points.get(i + 1));
            assertThat(cents.scale()).isEqualTo(2);
            total = total.add(cents);
        }
        assertThat(total).isEqualByComparingTo(paid);
    }

    @Property(tries = 100)
    void aLineThatIsNotSpreadIsWhollyInItsCycle(@ForAll("amounts") BigDecimal amount, @ForAll("months") YearMonth cycle,
            @ForAll("months") YearMonth month) {
        Amortization.Share share = Amortization.of(amount, 3, null, null, cycle.toString(), month);
        int order = cycle.compareTo(month);
        assertThat(share.past()).isEqualByComparingTo(order < 0 ? amount : BigDecimal.ZERO);
        assertThat(share.current()).isEqualByComparingTo(order == 0 ? amount : BigDecimal.ZERO);
        assertThat(share.future()).isEqualByComparingTo(order > 0 ? amount : BigDecimal.ZERO);
    }

    @Provide
    Arbitrary<Line> lines() {
        Arbitrary<Long> start = Arbitraries.longs().between(0, 3L * 365 * 86_400)
                .withDistribution(RandomDistribution.uniform());
        Arbitrary<Long> length = Arbitraries.longs().between(1, 2L * 366 * 86_400)
                .withDistribution(RandomDistribution.uniform());
        return Combinators.combine(amounts(), start, length).as((amount, s, l) -> new Line(amount,
                FROM.plusSeconds(s), FROM.plusSeconds(s + l)));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-100000"), new BigDecimal("100000")).ofScale(8);
    }

    @Provide
    Arbitrary<YearMonth> months() {
        return Arbitraries.integers().between(0, 60).map(m -> YearMonth.of(2024, 12).plusMonths(m));
    }

    @Provide
    Arbitrary<List<Long>> cuts() {
        return Arbitraries.longs().list().ofMaxSize(30);
    }
}
