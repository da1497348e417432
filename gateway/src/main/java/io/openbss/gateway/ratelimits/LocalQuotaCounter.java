package io.openbss.gateway.ratelimits;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts in this process's memory: exact for one gateway. The logs of a request's quotas are locked in the order of
 * their keys, so that two requests sharing quotas never deadlock, and the check and the count are one step. Logs
 * idle for ten windows are dropped (they are empty: dropping them changes no decision); a log is retired under its
 * lock, so a request that found it just before is counted again in the log that replaces it.
 */
public final class LocalQuotaCounter implements QuotaCounter {

    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);
    private static final long IDLE = 10 * WINDOW;

    private final Map<String, SlidingLog> logs = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;
    private final LongSupplier nanoClock;

    public LocalQuotaCounter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + IDLE);
    }

    @Override
    public Future<Verdict> acquire(List<Quota> quotas) {
        return Future.succeededFuture(decide(quotas));
    }

    Verdict decide(List<Quota> quotas) {
        String[] keys = new String[quotas.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = quotas.get(i).key();
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        while (true) {
            SlidingLog[] held = new SlidingLog[keys.length];
            for (int i = 0; i < keys.length; i++) {
                SlidingLog log = logs.get(keys[i]);
                held[i] = log != null ? log : logs.computeIfAbsent(keys[i], k -> new SlidingLog());
            }
            Verdict verdict = locked(held, order, 0, quotas);
            if (verdict != null) {
                sweepIfDue();
                return verdict;
            }
        }
    }

    /** Locks the logs in key order, then decides; null when one of them was retired meanwhile (look them up again). */
    private Verdict locked(SlidingLog[] held, Integer[] order, int from, List<Quota> quotas) {
        if (from == order.length) {
            for (SlidingLog log : held) {
                if (log.retired) {
                    return null;
                }
            }
            return decideLocked(held, quotas);
        }
        synchronized (held[order[from]]) {
            return locked(held, order, from + 1, quotas);
        }
    }

    private Verdict decideLocked(SlidingLog[] held, List<Quota> quotas) {
        long now = nanoClock.getAsLong();
        boolean admitted = true;
        for (int i = 0; i < held.length; i++) {
            held[i].expire(now, WINDOW);
            admitted &= held[i].size() < quotas.get(i).limit();
        }
        List<Verdict.Standing> standings = new ArrayList<>(held.length);
        for (int i = 0; i < held.length; i++) {
            Quota quota = quotas.get(i);
            if (admitted) {
                held[i].add(now);
            }
            standings.add(new Verdict.Standing(quota, Math.max(0, quota.limit() - held[i].size()),
                    TimeUnit.NANOSECONDS.toMillis(held[i].untilNextSlot(now, WINDOW, quota.limit()) + 999_999)));
        }
        return new Verdict(admitted, TimeUnit.NANOSECONDS.toMicros(now), standings);
    }

    private void sweepIfDue() {
        long now = nanoClock.getAsLong();
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + IDLE)) {
            return;
        }
        logs.forEach((key, log) -> {
            synchronized (log) {
                if (log.idleSince(now, IDLE)) {
                    log.retired = true;
                    logs.remove(key, log);
                }
            }
        });
    }

    int size() {
        return logs.size();
    }
}
