package io.openbss.gateway.auth;

import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.replicas.IdentityChanges;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an access key (or a user's password logins) for a while after more than the allowed number of consecutive
 * failures, as Huawei's API gateway does. Only keys that exist are tracked, so the map stays as small as the key set.
 * Failures are counted by each replica; a lock, once made, is told to the other replicas when they share Redis
 * ({@link IdentityChanges}), so that it holds on all of them.
 */
@Singleton
public class AccessKeyLockout {

    private record State(int failures, Instant lockedUntil) {
    }

    static final String KIND = "lock";

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final GatewayConfig.SignatureConfig config;
    private final IdentityChanges changes;

    @Inject
    public AccessKeyLockout(GatewayConfig config, IdentityChanges changes) {
        this.config = config.signature();
        this.changes = changes;
        changes.register(KIND, this::lockedElsewhere);
    }

    public boolean isLocked(String accessKey, Instant now) {
        State state = states.get(accessKey);
        return state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    public void failed(String accessKey, Instant now) {
        State after = states.compute(accessKey, (key, state) -> {
            int failures = (state == null || state.lockedUntil() != null ? 0 : state.failures()) + 1;
            return failures > config.maxFailures() ? new State(0, now.plus(config.lockout()))
                    : new State(failures, null);
        });
        if (after.lockedUntil() != null) {
            changes.changed(KIND, accessKey + ' ' + after.lockedUntil().toEpochMilli());
        }
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

    public void succeeded(String accessKey) {
        if (!states.isEmpty()) {
            states.remove(accessKey);
        }
    }
}
