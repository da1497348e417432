package io.openbss.gateway.upstream;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The upstream quotas' slots of one gateway, in memory (see {@link Slots}). */
final class LocalSlots implements Slots {

    private final Map<String, Map<String, Long>> held = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final long window;
    private final long hold;

    LocalSlots(LongSupplier nanoClock, long windowMillis, long holdMillis) {
        this.nanoClock = nanoClock;
        this.window = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.hold = TimeUnit.MILLISECONDS.toNanos(holdMillis);
    }

    @Override
    public Future<Taking> take(String quota, String call, int limit) {
        Taking[] taking = new Taking[1];
        held.compute(quota, (key, slots) -> {
            long now = nanoClock.getAsLong();
            Map<String, Long> current = slots == null ? new HashMap<>() : slots;
            current.values().removeIf(until -> until - (now - window) <= 0);
            if (current.size() < limit) {
                current.put(call, now + hold);
                taking[0] = new Taking(true, 0);
            } else {
                long first = current.values().stream().mapToLong(until -> until - now).min().orElse(0);
                taking[0] = new Taking(false, first > 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(first + window) + 1);
            }
            return current.isEmpty() ? null : current;
        });
        return Future.succeededFuture(taking[0]);
    }

    @Override
    public Future<Void> answered(String quota, String call) {
        held.computeIfPresent(quota, (key, slots) -> {
            slots.computeIfPresent(call, (id, until) -> nanoClock.getAsLong());
            return slots;
        });
        return Future.succeededFuture();
    }
}
