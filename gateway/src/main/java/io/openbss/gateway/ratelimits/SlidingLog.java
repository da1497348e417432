package io.openbss.gateway.ratelimits;

import java.util.Arrays;

/**
 * The admission times of one quota within the last window, oldest first, in a ring that grows only as far as the
 * admissions of one window need. Not thread-safe: {@link LocalQuotaCounter} locks it.
 */
final class SlidingLog {

    private long[] times = new long[4];
    private int head;
    private int size;
    private long last = Long.MIN_VALUE;
    /** Dropped from the counter's map: a request that still holds it must look its quota up again. */
    boolean retired;

    /** Forgets admissions at or before {@code now - window}: they no longer count. */
    void expire(long now, long window) {
        while (size > 0 && times[head] <= now - window) {
            head = (head + 1) % times.length;
            size--;
        }
    }

    int size() {
        return size;
    }

    void add(long now) {
        if (size == times.length) {
            long[] grown = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = times[(head + i) % times.length];
            }
            Arrays.fill(times, 0);
            times = grown;
            head = 0;
        }
        times[(head + size) % times.length] = now;
        size++;
        last = now;
    }

    /** Whether it has admitted nothing for {@code idle} (or never): it counts nothing any more. */
    boolean idleSince(long now, long idle) {
        return last == Long.MIN_VALUE || now - last >= idle;
    }

    /** How long until a quota of {@code limit} admits one more (0 when it has never admitted in this window). */
    long untilNextSlot(long now, long window, int limit) {
        if (size == 0) {
            return 0;
        }
        int index = Math.max(0, size - limit);
        return times[(head + index) % times.length] + window - now;
    }
}
