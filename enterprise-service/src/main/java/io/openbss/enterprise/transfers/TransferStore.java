package io.openbss.enterprise.transfers;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.enterprise.EnterpriseConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transfer records ({@link TransferTransitions} finishes them). Each statement is its own transaction: a record
 * is durable before the ledger is called.
 */
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
                        VALUES ($1, $2, $3, $4, $5, $6, $9, $7, $8)
                        ON CONFLICT (master_customer_id, trans_id) DO NOTHING
                        RETURNING *""")
                .execute(Tuple.from(List.of(masterId, intent.transId(), intent.kind().name(), intent.subId(),
                        intent.request(), intent.hash(), now.plus(config.reconciler().grace()), now,
                        TransferTransitions.RECORDED.name())))
                .map(TransferStore::first);
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static Transfer first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Transfer.of(rows.iterator().next());
    }
}
