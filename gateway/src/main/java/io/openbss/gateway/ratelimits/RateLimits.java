package io.openbss.gateway.ratelimits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.operations.Operation;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The per-API quotas of the public API: every request counts against (client address, operation) and (account,
 * operation), with the operation table's per-second limit unless configured otherwise.
 */
@Singleton
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    @Inject
    GatewayConfig gateway;

    @Inject
    Instance<Redis> redis;

    @Inject
    MeterRegistry metrics;

    private RateLimitsConfig config;
    private QuotaCounter counter;
    private Counter redisFailures;
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        config = gateway.rateLimits();
        counter = config.store() == RateLimitsConfig.Store.REDIS
                ? new RedisQuotaCounter(redis.get(), config.redisTimeout())
                : new LocalQuotaCounter(System::nanoTime);
        redisFailures = metrics.counter("bss.gateway.rate-limit.redis-failures");
    }

    /**
     * The verdict for one request of {@code account} from {@code address}; null when rate limits are off, or when
     * Redis failed and the gateway is told to admit without counting; failed (503 APIG.0201) when it is told to refuse.
     */
    public Future<Verdict> check(Operation operation, String address, String account) {
        if (!config.enabled()) {
            return Future.succeededFuture();
        }
        int limit = limitOf(config, operation, account);
        List<Quota> quotas = List.of(new Quota(Quota.IP, address == null ? "unknown" : address, operation.name(),
                limit), new Quota(Quota.USER, account, operation.name(), limit));
        return counter.acquire(quotas).onSuccess(verdict -> {
            if (storeDown.compareAndSet(true, false)) {
                LOG.info("rate-limit store answers again: quotas are counted");
            }
        }).recover(failure -> {
            redisFailures.increment();
            if (storeDown.compareAndSet(false, true)) {
                LOG.warnf("rate-limit store failed: %s; until it answers, requests are %s", failure,
                        config.redisFailure() == RateLimitsConfig.RedisFailure.OPEN ? "admitted uncounted"
                                : "refused with 503");
            }
            return config.redisFailure() == RateLimitsConfig.RedisFailure.OPEN ? Future.succeededFuture()
                    : Future.failedFuture(ApigException.rateLimitsUnavailable());
        }).onSuccess(verdict -> {
            if (verdict != null && !verdict.admitted()) {
                String policy = verdict.deciding().quota().policy();
                rejections.computeIfAbsent(operation.name() + ' ' + policy, key -> metrics.counter(
                        "bss.gateway.rate-limit.rejections", "operation", operation.name(), "policy", policy))
                        .increment();
            }
        });
    }

    /** An account's own quota of the operation, else of all its operations, else the operation's. */
    static int limitOf(RateLimitsConfig config, Operation operation, String account) {
        Map<String, Integer> ofAccount = config.accounts().getOrDefault(account, Map.of());
        Integer limit = ofAccount.getOrDefault(operation.name(), ofAccount.get("*"));
        if (limit == null) {
            limit = config.operations().getOrDefault(operation.name(), operation.limitPerSecond());
        }
        return limit;
    }
}
