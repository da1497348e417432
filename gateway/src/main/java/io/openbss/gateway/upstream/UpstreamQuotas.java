package io.openbss.gateway.upstream;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.operations.Operation;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.ratelimits.LocalQuotaCounter;
import io.openbss.gateway.ratelimits.Quota;
import io.openbss.gateway.ratelimits.QuotaCounter;
import io.openbss.gateway.ratelimits.RedisQuotaCounter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The upstream's per-API quotas, kept rather than hit: per upstream account and operation, at most the operation's
 * limit per second (the public cloud's, or {@code bss.gateway.upstream.limits}) is sent upstream, counted across
 * gateway replicas when the rate limits live in Redis. A call over the quota waits for a free slot up to
 * {@code max-wait}, and is refused with 429 APIG.0308, unsent, when none comes in time. The window is a little
 * longer than a second ({@code window-margin}), so that the network's jitter cannot crowd the upstream's second.
 * When Redis fails, {@code bss.gateway.rate-limits.redis-failure} decides, as for the local quotas.
 */
@Singleton
public class UpstreamQuotas {

    private static final Logger LOG = Logger.getLogger(UpstreamQuotas.class);
    static final String POLICY = "upstream";

    @Inject
    GatewayConfig config;

    @Inject
    Instance<Redis> redis;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private QuotaCounter counter;

    @PostConstruct
    void start() {
        RateLimitsConfig rateLimits = config.rateLimits();
        long window = QuotaCounter.WINDOW_MILLIS + config.upstream().windowMargin().toMillis();
        counter = rateLimits.store() == RateLimitsConfig.Store.REDIS
                ? new RedisQuotaCounter(redis.get(), rateLimits.redisTimeout(), window)
                : new LocalQuotaCounter(System::nanoTime, window);
    }

    int limitOf(Operation operation) {
        return config.upstream().limits().getOrDefault(operation.name(), operation.limitPerSecond());
    }

    /** Completes (with the milliseconds waited) once the call may be sent; fails with 429 when it may not in time. */
    public Future<Long> acquire(UpstreamLink link, Operation operation) {
        Quota quota = new Quota(POLICY, link.upstreamAccount(), operation.name(), limitOf(operation));
        long started = System.nanoTime();
        long deadline = started + config.upstream().maxWait().toNanos();
        return attempt(quota, deadline).map(admitted -> {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (waited > 0) {
                metrics.timer("bss.upstream.quota.waits", "operation", operation.name())
                        .record(waited, TimeUnit.MILLISECONDS);
            }
            return waited;
        }).onFailure(refused -> metrics.counter("bss.upstream.quota.refusals", "operation", operation.name())
                .increment());
    }

    private Future<Void> attempt(Quota quota, long deadline) {
        return counter.acquire(List.of(quota)).recover(failure -> {
            boolean open = config.rateLimits().redisFailure() == RateLimitsConfig.RedisFailure.OPEN;
            LOG.warnf("upstream quota store failed (%s): the call is %s", failure.toString(),
                    open ? "sent uncounted" : "refused with 503");
            return open ? Future.succeededFuture(null) : Future.failedFuture(ApigException.rateLimitsUnavailable());
        }).compose(verdict -> {
            if (verdict == null || verdict.admitted()) {
                return Future.succeededFuture();
            }
            long retryAfter = Math.max(1, verdict.retryAfterMillis());
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryAfter) > deadline) {
                return Future.failedFuture(refusal(quota));
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(retryAfter, timer -> later.complete());
            return later.future().compose(v -> attempt(quota, deadline));
        });
    }

    private static ApigException refusal(Quota quota) {
        return ApigException.throttled("The throttling threshold has been reached: policy upstream over ratelimit,"
                + "limit:" + quota.limit() + ",time:1 second");
    }
}
