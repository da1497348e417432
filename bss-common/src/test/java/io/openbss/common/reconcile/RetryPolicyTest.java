package io.openbss.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy SERVICES = new RetryPolicy(50, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofMinutes(5), OptionalInt.empty());

    @Test
    void theWaitDoublesWithEachAttemptUpToItsMaximum() {
        assertThat(SERVICES.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SERVICES.waitAfter(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SERVICES.waitAfter(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(SERVICES.waitAfter(3)).isEqualTo(Duration.ofSeconds(240));
        assertThat(SERVICES.waitAfter(4)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SERVICES.waitAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theScheduleTheClaimReadsIsTheSameWaits() {
        assertThat(SERVICES.schedule()).hasSize(RetryPolicy.MAX_DOUBLINGS + 1)
                .startsWith(30.0, 60.0, 120.0, 240.0, 300.0).endsWith(300.0);
    }

    @Test
    void withoutBackoffEveryRunTriesAgain() {
        RetryPolicy everyRun = new RetryPolicy(50, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO,
                OptionalInt.empty());
        assertThat(everyRun.schedule()).containsOnly(0.0);
    }

    @Test
    void theDoublingStopsSoTheWaitStaysFinite() {
        RetryPolicy unbounded = new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(3650),
                OptionalInt.empty());
        assertThat(unbounded.waitAfter(100)).isEqualTo(Duration.ofSeconds(1L << RetryPolicy.MAX_DOUBLINGS));
    }

    @Test
    void itGivesUpOnlyWhenItHasALimitAndReachedIt() {
        RetryPolicy three = new RetryPolicy(50, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10),
                OptionalInt.of(3));
        assertThat(three.exhausted(2)).isFalse();
        assertThat(three.exhausted(3)).isTrue();
        assertThat(SERVICES.exhausted(Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO,
                OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
