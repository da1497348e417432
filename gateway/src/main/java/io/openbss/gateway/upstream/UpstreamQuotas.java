package io.openbss.gateway.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.operations.Operation;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.ratelimits.QuotaCounter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The upstream's per-API quotas, kept rather than hit: per upstream account and operation, at most the operation's
 * limit per second (the public cloud's, or {@code bss.gateway.upstream.limits}). A call holds a {@link Slots slot}
 * from its admission until a second after its answer, so the upstream, which counts it somewhere in between, never
 * sees more than the limit in one of its seconds, however long the calls take to get there. The slots live where the
 * rate limits do (Redis for replicas). A call over the quota waits for a slot up to {@code max-wait}, and is refused
 * with 429 APIG.0308, unsent, when none frees in time. When Redis fails, {@code rate-limits.redis-failure} decides,
 * as for the local quotas.
 */
@Singleton
public class UpstreamQuotas {

    private static final Logger LOG = Logger.getLogger(UpstreamQuotas.class);
    /** How often a waiting call looks again while every slot is held by a call still in flight. */
    static final long POLL_MILLIS = 20;

    /** The quota had no room for the call in time, or could not be counted: the call was not sent. */
    public static final class HeldBack extends ApigException {

        HeldBack(ApigException refusal) {
            super(refusal.status(), refusal.code(), refusal.getMessage());
        }
    }

    /** A taken slot: its call's answer frees it a window later. */
    public record Slot(String quota, String call, long waitedMillis) {
    }

    @Inject
    GatewayConfig config;

    @Inject
    Instance<Redis> redis;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private Slots slots;

    @PostConstruct
    void start() {
        RateLimitsConfig rateLimits = config.rateLimits();
        // a call unanswered after the upstream timeout (and a margin for the egress's own work) frees its slot
        long hold = config.upstream().timeout().toMillis() + 5_000;
        slots = rateLimits.store() == RateLimitsConfig.Store.REDIS
                ? new RedisSlots(redis.get(), rateLimits.redisTimeout(), QuotaCounter.WINDOW_MILLIS, hold)
                : new LocalSlots(System::nanoTime, QuotaCounter.WINDOW_MILLIS, hold);
    }

    int limitOf(Operation operation) {
        return config.upstream().limits().getOrDefault(operation.name(), operation.limitPerSecond());
    }

    /**
     * Completes with a slot once the call may be sent; fails with {@link HeldBack} (429) when none frees in time, or
     * (503) when the quota store fails and the gateway is told to refuse meanwhile.
     */
    public Future<Slot> acquire(UpstreamLink link, Operation operation) {
        String quota = operation.name() + ':' + link.upstreamAccount();
        String call = UUID.randomUUID().toString();
        int limit = limitOf(operation);
        long started = System.nanoTime();
        long deadline = started + config.upstream().maxWait().toNanos();
        return attempt(quota, call, limit, deadline).map(taken -> {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (waited > 0) {
                metrics.timer("bss.upstream.quota.waits", "operation", operation.name())
                        .record(waited, TimeUnit.MILLISECONDS);
            }
            return new Slot(quota, call, waited);
        }).onFailure(refused -> metrics.counter("bss.upstream.quota.refusals", "operation", operation.name())
                .increment());
    }

    /** The call was answered (or failed): its slot frees a window from now. */
    public void answered(Slot slot) {
        slots.answered(slot.quota(), slot.call()).onFailure(failure -> LOG.warnf(
                "upstream quota store failed (%s): a slot is held until its hold runs out", failure.toString()));
    }

    private Future<Void> attempt(String quota, String call, int limit, long deadline) {
        return slots.take(quota, call, limit).recover(failure -> {
            boolean open = config.rateLimits().redisFailure() == RateLimitsConfig.RedisFailure.OPEN;
            LOG.warnf("upstream quota store failed (%s): the call is %s", failure.toString(),
                    open ? "sent uncounted" : "refused with 503");
            return open ? Future.succeededFuture(new Slots.Taking(true, 0))
                    : Future.failedFuture(new HeldBack(ApigException.rateLimitsUnavailable()));
        }).compose(taking -> {
            if (taking.taken()) {
                return Future.succeededFuture();
            }
            long retryAfter = taking.retryAfterMillis() < 0 ? POLL_MILLIS : Math.max(1, taking.retryAfterMillis());
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryAfter) > deadline) {
                return Future.failedFuture(refusal(limit));
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(retryAfter, timer -> later.complete());
            return later.future().compose(v -> attempt(quota, call, limit, deadline));
        });
    }

    private static HeldBack refusal(int limit) {
        return new HeldBack(ApigException.throttled("The throttling threshold has been reached: policy upstream "
                + "over ratelimit,limit:" + limit + ",time:1 second"));
    }
}
