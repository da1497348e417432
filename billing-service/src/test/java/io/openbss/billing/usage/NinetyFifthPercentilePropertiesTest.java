package io.openbss.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The 95th percentile that bandwidth is rated on: the smallest sample that at least 95% of the samples reach. */
class NinetyFifthPercentilePropertiesTest {

    @Property(tries = 500)
    void itIsTheSmallestSampleThatAtLeastNinetyFivePercentOfTheSamplesDoNotExceed(
            @ForAll("samples") List<BigDecimal> samples) {
        BigDecimal p95 = UsageRating.percentile95(samples);
        long atMost = samples.stream().filter(s -> s.compareTo(p95) <= 0).count();
        long below = samples.stream().filter(s -> s.compareTo(p95) < 0).count();
        assertThat(samples).contains(p95);
        assertThat(atMost * 100).isGreaterThanOrEqualTo(95L * samples.size());
        assertThat(below * 100).isLessThan(95L * samples.size());
    }

    @Provide
    Arbitrary<List<BigDecimal>> samples() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000")).ofScale(3)
                .list().ofMinSize(1).ofMaxSize(400);
    }
}
