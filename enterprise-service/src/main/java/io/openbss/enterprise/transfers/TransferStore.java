package io.openbss.enterprise.transfers;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.remote.ReconcilerConfig;
import io.openbss.enterprise.EnterpriseConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The transfer records. Each statement is its own transaction: a record is durable before the ledger is called. */
@ApplicationScoped
public class TransferStore {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    EnterpriseConfig config;

    public Uni<Transfer> find(String masterId, String transId) {
        return pool.preparedQuery("SELECT * FROM transfer WHERE master_customer_id = $1 AND trans_id = $2")
                .execute(Tuple.of(masterId, transId)).map(TransferStore::first);
    }

    /** Records a new pending transfer; null when the trans_id is already recorded (by a concurrent request). */
    public Uni<Transfer> insert(String masterId, TransferIntent intent) {
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                        INSERT INTO transfer (master_customer_id, trans_id, kind, sub_customer_id, request,
                                              request_hash, status, next_attempt_at, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7, $8)
                        ON CONFLICT (master_customer_id, trans_id) DO NOTHING
                        RETURNING *""")
                .execute(Tuple.from(List.of(masterId, intent.transId(), intent.kind().name(), intent.subId(),
                        intent.request(), intent.hash(), now.plus(config.reconciler().grace()), now)))
                .map(TransferStore::first);
    }

    /** Finishes a pending transfer with its answer; the answer already recorded if someone finished it first. */
    public Uni<Transfer> finish(Transfer transfer, String status, JsonObject result) {
        return pool.preparedQuery("""
                        UPDATE transfer SET status = $3, result = $4, finished_at = $5
                         WHERE master_customer_id = $1 AND trans_id = $2 AND status = 'PENDING'
                        RETURNING *""")
                .execute(Tuple.of(transfer.masterId(), transfer.transId(), status, result, now()))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().item(first(rows))
                        : find(transfer.masterId(), transfer.transId()));
    }

    /**
     * Takes up to a batch of pending transfers whose time has come, and moves their next attempt away (doubling
     * the wait each time), so that replicas and later runs leave them alone while this one works on them.
     */
    public Uni<List<Transfer>> claimDue() {
        ReconcilerConfig reconciler = config.reconciler();
        return pool.preparedQuery("""
                        UPDATE transfer t
                           SET attempts = t.attempts + 1,
                               next_attempt_at = $1 + make_interval(secs => LEAST($2::float8,
                                                     $3::float8 * power(2, LEAST(t.attempts, 16))))
                          FROM (SELECT master_customer_id, trans_id FROM transfer
                                 WHERE status = 'PENDING' AND next_attempt_at <= $1
                                 ORDER BY next_attempt_at LIMIT $4
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE t.master_customer_id = due.master_customer_id AND t.trans_id = due.trans_id
                        RETURNING t.*""")
                .execute(Tuple.of(now(), (double) reconciler.maxBackoff().toSeconds(),
                        (double) reconciler.grace().toSeconds(), reconciler.batchSize()))
                .map(rows -> {
                    List<Transfer> due = new ArrayList<>();
                    rows.forEach(row -> due.add(Transfer.of(row)));
                    return due;
                });
    }

    public Uni<Long> countPending() {
        return pool.query("SELECT count(*) FROM transfer WHERE status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static Transfer first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Transfer.of(rows.iterator().next());
    }
}
