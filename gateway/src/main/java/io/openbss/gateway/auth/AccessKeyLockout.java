package io.openbss.gateway.auth;

import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.replicas.IdentityChanges;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Locks an access key (or a user's password logins) for a while after more than the allowed number of failures, as
 * Huawei's API gateway does. Only keys that exist are tracked, so the map stays as small as the key set. One gateway
 * counts consecutive failures in memory; replicas that share Redis count them there, so that an attacker gets no
 * more tries by spreading them over replicas (failures are forgotten {@link #REMEMBERED} after the last one, and
 * when a replica that counted one sees a success). A lock, once made, is told to the other replicas
 * ({@link IdentityChanges}), so that it holds on all of them. While Redis does not answer, each replica counts alone.
 */
@Singleton
public class AccessKeyLockout {

    private record State(int failures, Instant lockedUntil) {
    }

    static final String KIND = "lock";
    static final String PREFIX = "bss:failures:";
    static final Duration REMEMBERED = Duration.ofMinutes(15);
    /** Counts a failure; answers 1 (and forgets the count) when it is one too many. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if n > tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) return 1 end
            return 0""";

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final GatewayConfig.SignatureConfig config;
    private final IdentityChanges changes;
    private final Redis redis;
    private final long redisTimeoutMillis;

    @Inject
    public AccessKeyLockout(GatewayConfig config, IdentityChanges changes, Instance<Redis> redis) {
        this.config = config.signature();
        this.changes = changes;
        this.redis = config.rateLimits().store() == RateLimitsConfig.Store.REDIS ? redis.get() : null;
        this.redisTimeoutMillis = config.rateLimits().redisTimeout().toMillis();
        changes.register(KIND, this::lockedElsewhere);
    }

    public boolean isLocked(String key, Instant now) {
        State state = states.get(key);
        return state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** Counts a failure of {@code key}; completes with whether the key is locked now. */
    public Future<Boolean> failed(String key, Instant now) {
        if (redis == null) {
            return Future.succeededFuture(countHere(key, now));
        }
        states.merge(key, new State(0, null), (mine, none) -> mine);
        return redis.send(Request.cmd(Command.EVAL).arg(COUNT).arg(1).arg(PREFIX + key).arg(config.maxFailures())
                        .arg(REMEMBERED.toMillis()))
                .timeout(redisTimeoutMillis, TimeUnit.MILLISECONDS)
                .map(answer -> answer.toInteger() == 1)
                .map(tooMany -> tooMany ? lock(key, now) : isLocked(key, now))
                .recover(failure -> Future.succeededFuture(countHere(key, now)));
    }

    public void succeeded(String key) {
        if (!states.isEmpty() && states.remove(key) != null && redis != null) {
            redis.send(Request.cmd(Command.DEL).arg(PREFIX + key));
        }
    }

    private boolean countHere(String key, Instant now) {
        State after = states.compute(key, (k, state) -> {
            int failures = (state == null || state.lockedUntil() != null ? 0 : state.failures()) + 1;
            return failures > config.maxFailures() ? new State(0, now.plus(config.lockout()))
                    : new State(failures, null);
        });
        if (after.lockedUntil() != null) {
            changes.changed(KIND, key + ' ' + after.lockedUntil().toEpochMilli());
            return true;
        }
        return false;
    }

    private boolean lock(String key, Instant now) {
        Instant until = now.plus(config.lockout());
        states.put(key, new State(0, until));
        changes.changed(KIND, key + ' ' + until.toEpochMilli());
        return true;
    }

    /** A lock another replica made (or this one: the same lock again); "key until-epoch-ms". */
    private void lockedElsewhere(String message) {
        int space = message.lastIndexOf(' ');
        if (space <= 0) {
            return; // IdentityChanges.ALL after a lost subscription: locks are not cached state, nothing to drop
        }
        try {
            Instant until = Instant.ofEpochMilli(Long.parseLong(message.substring(space + 1)));
            states.merge(message.substring(0, space), new State(0, until),
                    (mine, theirs) -> mine.lockedUntil() != null && !mine.lockedUntil().isBefore(until) ? mine
                            : theirs);
        } catch (NumberFormatException e) {
            // not a lock message: ignored
        }
    }
}
