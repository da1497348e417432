package io.openbss.console.session;

import io.openbss.console.api.ConsoleConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in sessions of this console process, by the random id their cookie carries. Tokens stay here: a
 * restart signs everyone out (their tokens expire on their own), and replicas need sticky sessions (deploy/).
 */
@ApplicationScoped
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Session session, Instant lastSeen) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    ConsoleConfig config;

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void put(Session session) {
        byId.put(session.id(), new Entry(session, clock.instant()));
    }

    /** The live session of {@code id}, touched; none when unknown, idle too long or past its token's expiry. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = byId.computeIfPresent(id, (key, found) -> live(found, now) ? new Entry(found.session(), now)
                : null);
        return Optional.ofNullable(entry).map(Entry::session);
    }

    public Optional<Session> remove(String id) {
        return Optional.ofNullable(id == null ? null : byId.remove(id)).map(Entry::session);
    }

    @Scheduled(every = "1m")
    void forgetExpired() {
        Instant now = clock.instant();
        byId.values().removeIf(entry -> !live(entry, now));
    }

    private boolean live(Entry entry, Instant now) {
        return now.isBefore(entry.lastSeen().plus(config.sessionIdle())) && now.isBefore(entry.session().expiresAt());
    }
}
