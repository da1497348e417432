package io.openbss.enterprise.transfers;

import static io.openbss.common.time.BssTime.utc;
import static io.openbss.enterprise.transfers.TransferStatus.FAILED;
import static io.openbss.enterprise.transfers.TransferStatus.PENDING;
import static io.openbss.enterprise.transfers.TransferStatus.SUCCEEDED;

import io.openbss.common.reconcile.PendingWork;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Every status change of a transfer: recorded pending ({@link #RECORDED}) before the ledger is called, then
 * succeeded or failed with the ledger's first answer, once. A request and the reconciler may both finish a transfer;
 * each transition is guarded by the pending status, so only the first records its answer, and it says whether it
 * did.
 */
@ApplicationScoped
public class TransferTransitions {

    /** The status a transfer is recorded with. */
    public static final TransferStatus RECORDED = PENDING;

    /** The transfers the reconciler finishes: those still pending. */
    static final PendingWork UNFINISHED = new PendingWork("transfer", List.of("master_customer_id", "trans_id"),
            Map.of("status", PENDING.name()));

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** The ledger made the movement: pending → succeeded, with the body every repetition answers. */
    public Uni<Boolean> succeed(Transfer transfer, JsonObject body) {
        return finish(transfer, SUCCEEDED, body);
    }

    /** The ledger refused the movement: pending → failed, with the refusal every repetition answers. */
    public Uni<Boolean> fail(Transfer transfer, JsonObject error) {
        return finish(transfer, FAILED, error);
    }

    private Uni<Boolean> finish(Transfer transfer, TransferStatus to, JsonObject result) {
        return pool.preparedQuery("""
                        UPDATE transfer SET status = $4, result = $5, finished_at = $6
                         WHERE master_customer_id = $1 AND trans_id = $2 AND status = $3""")
                .execute(Tuple.of(transfer.masterId(), transfer.transId(), PENDING.name(), to.name(), result,
                        utc(clock.instant())))
                .map(rows -> rows.rowCount() > 0);
    }
}
