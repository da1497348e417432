package io.openbss.gateway.ratelimits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts in this process's memory: exact for one gateway. The logs of a request's quotas are locked in the order of
 * their keys, so that two requests sharing quotas never deadlock, and the check and the count are one step.
 */
public final class LocalQuotaCounter implements QuotaCounter {

    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);

    /** A log idle for longer than a window is empty; dropping it after ten windows changes no decision. */
    private final Cache<String, SlidingLog> logs = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMillis(10 * WINDOW_MILLIS)).build();
    private final LongSupplier nanoClock;

    public LocalQuotaCounter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Future<Verdict> acquire(List<Quota> quotas) {
        return Future.succeededFuture(decide(quotas));
    }

    Verdict decide(List<Quota> quotas) {
        List<Quota> ordered = quotas.stream().sorted(Comparator.comparing(Quota::key)).toList();
        List<SlidingLog> held = ordered.stream().map(q -> logs.get(q.key(), k -> new SlidingLog())).toList();
        return locked(held, 0, () -> {
            long now = nanoClock.getAsLong();
            boolean admitted = true;
            for (int i = 0; i < held.size(); i++) {
                held.get(i).expire(now, WINDOW);
                admitted &= held.get(i).size() < ordered.get(i).limit();
            }
            List<Verdict.Standing> standings = new ArrayList<>(quotas.size());
            for (Quota quota : quotas) {
                SlidingLog log = held.get(ordered.indexOf(quota));
                if (admitted) {
                    log.add(now);
                }
                standings.add(new Verdict.Standing(quota, Math.max(0, quota.limit() - log.size()),
                        TimeUnit.NANOSECONDS.toMillis(log.untilNextSlot(now, WINDOW, quota.limit()) + 999_999)));
            }
            return new Verdict(admitted, TimeUnit.NANOSECONDS.toMicros(now), standings);
        });
    }

    private static Verdict locked(List<SlidingLog> logs, int from, java.util.function.Supplier<Verdict> step) {
        if (from == logs.size()) {
            return step.get();
        }
        synchronized (logs.get(from)) {
            return locked(logs, from + 1, step);
        }
    }
}
