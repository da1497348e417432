package io.openbss.console.session;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in this process: a restart signs everyone out, and several replicas need sticky sessions. */
final class MemorySessions implements SessionStore {

    private record Entry(Session session, Instant until) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public Uni<Void> put(Session session, Duration idle) {
        byId.put(session.id(), new Entry(session, until(session, idle)));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Session>> find(String id, Duration idle) {
        Instant now = clock.instant();
        Entry entry = byId.computeIfPresent(id, (key, found) -> now.isBefore(found.until())
                ? new Entry(found.session(), until(found.session(), idle)) : null);
        return Uni.createFrom().item(Optional.ofNullable(entry).map(Entry::session));
    }

    @Override
    public Uni<Void> remove(String id) {
        byId.remove(id);
        return Uni.createFrom().voidItem();
    }

    /** Forgets the sessions that ended without a sign-out. */
    void forgetExpired() {
        Instant now = clock.instant();
        byId.values().removeIf(entry -> !now.isBefore(entry.until()));
    }

    private Instant until(Session session, Duration idle) {
        Instant idleEnd = clock.instant().plus(idle);
        return idleEnd.isBefore(session.expiresAt()) ? idleEnd : session.expiresAt();
    }
}
