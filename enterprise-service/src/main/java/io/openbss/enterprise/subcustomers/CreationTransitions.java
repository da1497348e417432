package io.openbss.enterprise.subcustomers;

import static io.openbss.enterprise.subcustomers.CreationStatus.DONE;
import static io.openbss.enterprise.subcustomers.CreationStatus.FAILED;
import static io.openbss.enterprise.subcustomers.CreationStatus.PENDING;

import io.openbss.common.reconcile.PendingWork;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Every status change of a sub-account creation: recorded pending ({@link #RECORDED}), then done once every step
 * is made, or failed when one is refused. The request and the reconciler may both work on a creation; each
 * transition is guarded by the pending status and answers whether it happened.
 */
@ApplicationScoped
public class CreationTransitions {

    /** The status a creation is recorded with. */
    static final CreationStatus RECORDED = PENDING;

    /** The creations the reconciler finishes: those still pending. */
    static final PendingWork UNFINISHED = new PendingWork("sub_account_creation", List.of("creation_id"),
            Map.of("status", PENDING.name()));

    @Inject
    Pool pool;

    /** Every step was made: pending → done. */
    Uni<Boolean> done(String creationId) {
        return pool.preparedQuery("UPDATE sub_account_creation SET status = $3 WHERE creation_id = $1 AND status = $2")
                .execute(Tuple.of(creationId, PENDING.name(), DONE.name())).map(rows -> rows.rowCount() > 0);
    }

    /** A step was refused: pending → failed, with the refusal. */
    Uni<Boolean> fail(String creationId, JsonObject error) {
        return pool.preparedQuery("""
                        UPDATE sub_account_creation SET status = $3, error = $4
                         WHERE creation_id = $1 AND status = $2""")
                .execute(Tuple.of(creationId, PENDING.name(), FAILED.name(), error))
                .map(rows -> rows.rowCount() > 0);
    }
}
