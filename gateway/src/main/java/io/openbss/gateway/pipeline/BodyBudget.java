package io.openbss.gateway.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.gateway.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bodies the gateway holds at once, in bytes, at most {@code bss.gateway.bodies-in-flight-bytes} (by
 * default an eighth of the heap, and never less than one body of the largest size). A body is counted in as
 * {@link BodyReading} reads it and counted out when its call is over ({@link Answers#settle}): a call is read,
 * checked, parsed and forwarded with its body in memory, so that a few large bodies at once would otherwise exhaust
 * the heap.
 */
@Singleton
class BodyBudget {

    private final AtomicLong held = new AtomicLong();
    private long limit;

    @Inject
    void configure(GatewayConfig config, MeterRegistry metrics) {
        limit = Math.max(config.maxBodyBytes(),
                config.bodiesInFlightBytes().orElse(Runtime.getRuntime().maxMemory() / 8));
        Gauge.builder("bss.gateway.request.bodies", held, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of request bodies held by the calls in flight").register(metrics);
    }

    /** Counts more bytes of a call's body in, or refuses them (false, nothing counted) beyond the budget. */
    boolean take(PublicCall call, long bytes) {
        long now = held.addAndGet(bytes);
        if (now > limit) {
            held.addAndGet(-bytes);
            return false;
        }
        call.bodyBytes += bytes;
        return true;
    }

    /** Counts out what a call holds, once it is over or its body dropped; again, it counts out nothing. */
    void release(PublicCall call) {
        held.addAndGet(-call.bodyBytes);
        call.bodyBytes = 0;
    }
}
