package io.openbss.gateway.auth;

import io.openbss.gateway.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an access key for a while after more than the allowed number of consecutive signature failures, as
 * Huawei's API gateway does. Only keys that exist are tracked, so the map stays as small as the key set.
 */
@Singleton
public class AccessKeyLockout {

    private record State(int failures, Instant lockedUntil) {
    }

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
    private final GatewayConfig.SignatureConfig config;

    @Inject
    public AccessKeyLockout(GatewayConfig config) {
        this.config = config.signature();
    }

    public boolean isLocked(String accessKey, Instant now) {
        State state = states.get(accessKey);
        return state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    public void failed(String accessKey, Instant now) {
        states.compute(accessKey, (key, state) -> {
            int failures = (state == null || state.lockedUntil() != null ? 0 : state.failures()) + 1;
            return failures > config.maxFailures() ? new State(0, now.plus(config.lockout()))
                    : new State(failures, null);
        });
    }

    public void succeeded(String accessKey) {
        if (!states.isEmpty()) {
            states.remove(accessKey);
        }
    }
}
