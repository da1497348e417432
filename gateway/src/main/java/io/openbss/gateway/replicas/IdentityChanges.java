package io.openbss.gateway.replicas;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Tells every gateway replica that an identity changed (an access key, a user's policies, a token revoked, a key or
 * login locked), so that each drops what it cached (or locks) at once instead of after the credential cache's TTL.
 * With Redis configured (the replicated set-up) a change is published on a Redis channel; a replica that lost its
 * subscription drops all it cached once it is back. Without Redis there is one gateway, and the change is dropped
 * here only.
 */
@Singleton
public class IdentityChanges {

    private static final Logger LOG = Logger.getLogger(IdentityChanges.class);
    static final String CHANNEL = "bss:gateway:identity-changes";
    /** The key meaning every entry of a kind. */
    public static final String ALL = "*";

    @Inject
    GatewayConfig config;

    @Inject
    Instance<Redis> redis;

    @Inject
    Vertx vertx;

    private final Map<String, Consumer<String>> caches = new ConcurrentHashMap<>();
    private RedisChannel channel;

    /** How a cache drops one key ({@link #ALL}: everything) of its kind. */
    public void register(String kind, Consumer<String> drop) {
        caches.put(kind, drop);
    }

    /** A cache keyed by what changes: a change drops that key, {@link #ALL} every key. */
    public void register(String kind, AsyncCache<String, ?> cache) {
        register(kind, key -> {
            if (key.equals(ALL)) {
                cache.synchronous().invalidateAll();
            } else {
                cache.synchronous().invalidate(key);
            }
        });
    }

    void start(@Observes StartupEvent event) {
        if (config.rateLimits().store() == RateLimitsConfig.Store.REDIS) {
            channel = new RedisChannel(vertx, redis.get(), CHANNEL, this::received, this::dropEverything);
            channel.subscribe();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (channel != null) {
            channel.close();
        }
    }

    /** Drops the key here at once, and on the other replicas as soon as they hear of it. */
    public void changed(String kind, String key) {
        drop(kind, key);
        if (channel != null) {
            channel.publish(kind + ' ' + key).onFailure(failure -> LOG.warnf(
                    "could not tell the other replicas that %s %s changed (they see it within the cache TTL): %s",
                    kind, key, failure.toString()));
        }
    }

    private void received(String message) {
        int space = message.indexOf(' ');
        if (space > 0) {
            drop(message.substring(0, space), message.substring(space + 1));
        }
    }

    private void drop(String kind, String key) {
        Consumer<String> cache = caches.get(kind);
        if (cache != null) {
            cache.accept(key);
        }
    }

    private void dropEverything() {
        caches.values().forEach(cache -> cache.accept(ALL));
    }
}
