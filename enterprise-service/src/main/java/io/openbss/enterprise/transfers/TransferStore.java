package io.openbss.enterprise.transfers;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.enterprise.EnterpriseConfig;
import io.openbss.enterprise.subcustomers.SubAccountAccess;
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

    /**
     * The transfer under the master's trans_id: the one recorded before, or else a new pending one, recorded only
     * when the sub-account may take part ({@link SubAccountAccess#requireFundsTransferable}, which fails the Uni
     * otherwise). One statement: the earlier transfer, the sub-account's standing and the insert are read and made
     * in one round trip, which a transfer would otherwise spend three on.
     */
    public Uni<Recorded> record(String masterId, TransferIntent intent) {
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                        WITH sub AS (
                                SELECT status, financial_custody FROM sub_customer
                                 WHERE sub_customer_id = $4 AND master_customer_id = $1),
                             earlier AS (
                                SELECT * FROM transfer WHERE master_customer_id = $1 AND trans_id = $2),
                             recorded AS (
                                INSERT INTO transfer (master_customer_id, trans_id, kind, sub_customer_id, request,
                                                      request_hash, status, next_attempt_at, created_at)
                                SELECT $1, $2, $3::varchar, $4, $5::jsonb, $6::char(64), $9::varchar,
                                       $7::timestamptz, $8::timestamptz
                                 WHERE NOT EXISTS (SELECT 1 FROM earlier)
                                   AND EXISTS (SELECT 1 FROM sub WHERE status = $10 AND NOT financial_custody)
                                ON CONFLICT (master_customer_id, trans_id) DO NOTHING
                                RETURNING *)
                        SELECT t.*, sub.status AS sub_status, sub.financial_custody AS sub_custody
                          FROM (SELECT 1) AS one
                          LEFT JOIN sub ON true
                          LEFT JOIN (SELECT true AS recorded_now, * FROM recorded
                                     UNION ALL SELECT false, * FROM earlier) AS t ON true""")
                .execute(Tuple.from(List.of(masterId, intent.transId(), intent.kind().name(), intent.subId(),
                        intent.request(), intent.hash(), now.plus(config.reconciler().grace()), now,
                        TransferTransitions.RECORDED.name(), SubAccountAccess.ACTIVE)))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("master_customer_id") != null) {
                        return Uni.createFrom().item(new Recorded(Transfer.of(row), row.getBoolean("recorded_now")));
                    }
                    SubAccountAccess.requireFundsTransferable(intent.subId(), row.getInteger("sub_status"),
                            row.getBoolean("sub_custody"));
                    // recorded by a concurrent request after this statement's snapshot was taken
                    return find(masterId, intent.transId()).map(first -> new Recorded(first, false));
                });
    }

    /** A transfer as {@link #record} found it; {@code now} when this request recorded it. */
    public record Recorded(Transfer transfer, boolean now) {
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static Transfer first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : Transfer.of(rows.iterator().next());
    }
}
