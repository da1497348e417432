package io.openbss.gateway.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LocalQuotaCounterTest {

    /** One request: after {@code gapMicros}, from one of three addresses and one of three accounts. */
    record Arrival(long gapMicros, int address, int account) {
    }

    /**
     * Against a reference that recounts every window from the history: a request is admitted exactly when each of
     * its quotas admitted fewer than the limit in the second before it, so the counter is neither looser (never more
     * than the limit in any one-second window) nor stricter than the rule; and what it reports as remaining is what
     * is left of the tighter window.
     */
    @Property(tries = 300)
    void admitsExactlyWhatTheSlidingWindowAllows(@ForAll("arrivals") List<Arrival> arrivals,
            @ForAll @IntRange(min = 1, max = 6) int limit) {
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        LocalQuotaCounter counter = new LocalQuotaCounter(clock::get);
        List<long[]> admittedByAddress = new ArrayList<>();
        List<long[]> history = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            long now = clock.addAndGet(TimeUnit.MICROSECONDS.toNanos(arrival.gapMicros()));
            long nowMicros = TimeUnit.NANOSECONDS.toMicros(now);
            List<Quota> quotas = List.of(new Quota(Quota.IP, "10.0.0." + arrival.address(), "Op", limit),
                    new Quota(Quota.USER, "account-" + arrival.account(), "Op", limit));
            long byAddress = history.stream().filter(h -> h[1] == arrival.address())
                    .filter(h -> h[0] > nowMicros - Windows.WINDOW_MICROS).count();
            long byAccount = history.stream().filter(h -> h[2] == arrival.account())
                    .filter(h -> h[0] > nowMicros - Windows.WINDOW_MICROS).count();

            Verdict verdict = counter.decide(quotas);

            boolean expected = byAddress < limit && byAccount < limit;
            assertThat(verdict.admitted()).as("%d by address, %d by account, limit %d", byAddress, byAccount, limit)
                    .isEqualTo(expected);
            long counted = expected ? 1 : 0;
            assertThat(verdict.standings()).extracting(Verdict.Standing::remaining).containsExactly(
                    (int) (limit - byAddress - counted), (int) (limit - byAccount - counted));
            if (expected) {
                history.add(new long[] {nowMicros, arrival.address(), arrival.account()});
            } else {
                assertThat(verdict.retryAfterMillis()).isBetween(1L, QuotaCounter.WINDOW_MILLIS);
            }
            verdicts.add(verdict);
        }
        Windows.assertNoWindowOverAdmits(verdicts);
    }

    @Provide
    Arbitrary<List<Arrival>> arrivals() {
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 50_000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(50_000, 400_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1_000_000L, 999_999L, 1_000_001L, 2_500_000L)));
        return Combinators.combine(gaps, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2))
                .as(Arrival::new).list().ofMinSize(1).ofMaxSize(120);
    }

    /** Quotas nobody used for ten windows are forgotten; one in use is not, and a forgotten one starts afresh. */
    @Test
    void idleQuotasAreDroppedWithoutChangingAnyDecision() {
        AtomicLong clock = new AtomicLong(0);
        LocalQuotaCounter counter = new LocalQuotaCounter(clock::get);
        List<Quota> idle = List.of(new Quota(Quota.IP, "10.0.0.1", "Op", 1), new Quota(Quota.USER, "a", "Op", 1));
        List<Quota> busy = List.of(new Quota(Quota.IP, "10.0.0.2", "Op", 1), new Quota(Quota.USER, "b", "Op", 1));
        assertThat(counter.decide(idle).admitted()).isTrue();
        assertThat(counter.decide(idle).admitted()).isFalse();
        for (int second = 1; second <= 11; second++) {
            clock.set(TimeUnit.SECONDS.toNanos(second));
            assertThat(counter.decide(busy).admitted()).isTrue();
        }
        assertThat(counter.size()).as("logs left after the sweep").isEqualTo(2);
        assertThat(counter.decide(busy).admitted()).as("the busy quota kept its count").isFalse();
        assertThat(counter.decide(idle).admitted()).isTrue();
    }

    /** Many threads on one quota pair with the real clock: no window ever holds more than the limit. */
    @Test
    void concurrentCallersNeverGetMoreThanTheQuotaInAnyWindow() throws Exception {
        LocalQuotaCounter counter = new LocalQuotaCounter(System::nanoTime);
        int limit = 25;
        List<Quota> quotas = List.of(new Quota(Quota.IP, "10.0.0.1", "Op", limit),
                new Quota(Quota.USER, "account", "Op", limit));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
        List<Future<List<Verdict>>> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            callers.add(pool.submit(() -> {
                start.await();
                List<Verdict> mine = new ArrayList<>();
                while (System.nanoTime() < until) {
                    mine.add(counter.decide(quotas));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Verdict> verdicts = new ArrayList<>();
        for (Future<List<Verdict>> caller : callers) {
            verdicts.addAll(caller.get());
        }
        pool.shutdown();

        Windows.assertNoWindowOverAdmits(verdicts);
        Windows.assertEveryRefusalJustified(verdicts);
        long admitted = verdicts.stream().filter(Verdict::admitted).count();
        assertThat(verdicts.size()).as("requests made").isGreaterThan(10 * limit);
        assertThat(admitted).as("admitted in 2.5 s at %d/s", limit).isBetween(2L * limit, 3L * limit);
    }
}
