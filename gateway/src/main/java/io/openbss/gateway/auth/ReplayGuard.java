package io.openbss.gateway.auth;

import io.openbss.common.signing.SdkSignature;
import io.openbss.common.signing.SignatureException;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Refuses a signed state-changing request whose signature was seen before while it is still valid: a captured
 * request cannot be sent again within its 15-minute window (the public cloud accepts such replays). Each signature is
 * remembered until its {@code X-Sdk-Date} leaves the allowed skew, in this gateway's memory, or in Redis when the
 * replicas share it (so that a replay to another replica is refused too; while Redis does not answer, each replica
 * remembers alone). A client that retries re-signs, and a new {@code X-Sdk-Date} makes a new signature; the same call
 * sent twice within one second is a replay.
 */
@Singleton
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);
    static final String PREFIX = "bss:replay:";
    private static final Duration SWEEP = Duration.ofSeconds(10);

    /** The first 128 bits of a signature: as unique as the whole, and small to keep. */
    private record Seen(long high, long low) {

        static Seen of(String signatureHex) {
            byte[] bytes = HexFormat.of().parseHex(signatureHex, 0, 32);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = high << 8 | (bytes[i] & 0xFF);
                low = low << 8 | (bytes[i + 8] & 0xFF);
            }
            return new Seen(high, low);
        }
    }

    @Inject
    GatewayConfig config;

    @Inject
    Instance<Redis> redisClient;

    @Inject
    Vertx vertx;

    private final ConcurrentHashMap<Seen, Long> seenUntil = new ConcurrentHashMap<>();
    private Redis redis;
    private long sweeper;

    @PostConstruct
    void start() {
        redis = config.rateLimits().store() == RateLimitsConfig.Store.REDIS ? redisClient.get() : null;
        sweeper = vertx.setPeriodic(SWEEP.toMillis(), id -> {
            long now = System.currentTimeMillis();
            seenUntil.values().removeIf(until -> until <= now);
        });
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * Completes with true the first time a (verified) signature is used, false for a replay. {@code sdkDate} is the
     * request's {@code X-Sdk-Date}, already checked against the skew.
     */
    public Future<Boolean> firstUse(String signature, String sdkDate, Instant now) {
        if (signature.length() < 32) {
            return Future.succeededFuture(false);
        }
        long validUntil;
        try {
            validUntil = SdkSignature.parseDate(sdkDate).plus(config.signature().maxSkew()).toEpochMilli() + 1_000;
        } catch (SignatureException e) {
            validUntil = now.plus(config.signature().maxSkew().multipliedBy(2)).toEpochMilli();
        }
        long ttl = Math.max(1_000, validUntil - now.toEpochMilli());
        if (redis == null) {
            return Future.succeededFuture(rememberHere(signature, now.toEpochMilli() + ttl));
        }
        long until = now.toEpochMilli() + ttl;
        return redis.send(Request.cmd(Command.SET).arg(PREFIX + signature).arg("1").arg("NX").arg("PX").arg(ttl))
                .timeout(config.rateLimits().redisTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .map(answer -> answer != null && rememberHere(signature, until))
                .recover(failure -> {
                    LOG.debugf("replay check in Redis failed (%s): remembered by this replica only", failure);
                    return Future.succeededFuture(rememberHere(signature, until));
                });
    }

    private boolean rememberHere(String signature, long untilMillis) {
        return seenUntil.putIfAbsent(Seen.of(signature), untilMillis) == null;
    }
}
