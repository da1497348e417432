package io.openbss.console.session;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/** Where the signed-in sessions are kept, by the random id their cookie carries. */
interface SessionStore {

    /** Keeps {@code session} for {@code idle} from now, and never past its token's expiry. */
    Uni<Void> put(Session session, Duration idle);

    /** The live session of {@code id}, its idle time started again; none when unknown or expired. */
    Uni<Optional<Session>> find(String id, Duration idle);

    Uni<Void> remove(String id);
}
