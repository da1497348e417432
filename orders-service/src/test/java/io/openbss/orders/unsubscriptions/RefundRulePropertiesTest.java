package io.openbss.orders.unsubscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class RefundRulePropertiesTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void aRefundIsNeverMoreThanWasPaidNorLessThanZero(@ForAll @BigRange(min = "0", max = "100000") @Scale(2)
            BigDecimal paid, @ForAll @LongRange(min = 1, max = 400 * 86400L) long length,
            @ForAll @LongRange(min = -86400L, max = 500 * 86400L) long at, @ForAll boolean resourceToo) {
        BigDecimal refund = RefundRule.refund(paid, START, START.plusSeconds(length), START.plusSeconds(at),
                resourceToo);
        assertThat(refund).isBetween(BigDecimal.ZERO, paid);
        assertThat(refund.scale()).isEqualTo(2);
        if (at <= 0) {
            assertThat(refund).isEqualByComparingTo(paid);
        }
        if (at >= length) {
            assertThat(refund).isZero();
        }
        if (at > 0 && at < length && !resourceToo) {
            assertThat(refund).isZero();
        }
    }

    @Property
    void laterUnsubscriptionsNeverGiveBackMore(@ForAll @BigRange(min = "0", max = "100000") @Scale(2)
            BigDecimal paid, @ForAll @LongRange(min = 1, max = 400 * 86400L) long length,
            @ForAll @LongRange(min = 0, max = 400 * 86400L) long earlier,
            @ForAll @LongRange(min = 0, max = 400 * 86400L) long later) {
        long first = Math.min(earlier, later);
        long second = Math.max(earlier, later);
        Instant expire = START.plusSeconds(length);
        assertThat(RefundRule.refund(paid, START, expire, START.plusSeconds(second), true))
                .isLessThanOrEqualTo(RefundRule.refund(paid, START, expire, START.plusSeconds(first), true));
    }
}
