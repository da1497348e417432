package io.openbss.console.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.console.api.ConsoleConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-in sessions, by the random id their cookie carries: in this process by default, in Redis with
 * {@code bss.console.sessions.store=redis} so that several console replicas share them (docs/console.md). Tokens
 * stay on the server either way.
 */
@ApplicationScoped
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final ConsoleConfig config;

    @Inject
    public Sessions(ConsoleConfig config, Instance<Redis> redis, ObjectMapper json) {
        this.config = config;
        if (config.sessions().store() == ConsoleConfig.SessionsConfig.Store.REDIS) {
            byte[] key = Base64.getDecoder().decode(config.sessions().key().orElseThrow(() ->
                    new IllegalStateException("bss.console.sessions.key is required with the Redis store")));
            store = new RedisSessions(redis.get(), key, json, config.sessions().redisTimeout());
        } else {
            store = new MemorySessions();
        }
    }

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps a session (on a worker thread: a page's action). */
    public void put(Session session) {
        store.put(session, config.sessionIdle()).await().atMost(config.sessions().redisTimeout().multipliedBy(2));
    }

    /** The live session of {@code id}, touched; none when unknown, idle too long or past its token's expiry. */
    public Uni<Optional<Session>> find(String id) {
        return id == null ? Uni.createFrom().item(Optional.empty()) : store.find(id, config.sessionIdle());
    }

    /** Forgets a session (on a worker thread: signing out). */
    public void remove(String id) {
        store.remove(id).await().atMost(config.sessions().redisTimeout().multipliedBy(2));
    }

    @Scheduled(every = "1m")
    void forgetExpired() {
        if (store instanceof MemorySessions memory) {
            memory.forgetExpired();
        }
    }
}
