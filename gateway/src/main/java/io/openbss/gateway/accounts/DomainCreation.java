package io.openbss.gateway.accounts;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;

/**
 * The account that a creation request with this idempotency key made, and what the request asked for:
 * {@code requestHash} is {@link AccountRequests.NewAccount#fingerprint()}, the request without its password.
 */
record DomainCreation(String idempotencyKey, String requestHash, String domainId) {

    /** The creation made under this key, or null. */
    static Uni<DomainCreation> find(SqlClient client, String key) {
        return client.preparedQuery("SELECT request_hash, domain_id FROM domain_creation WHERE idempotency_key = $1")
                .execute(Tuple.of(key)).map(rows -> rows.size() == 0 ? null : rows.iterator().next())
                .map(row -> row == null ? null
                        : new DomainCreation(key, row.getString("request_hash"), row.getString("domain_id")));
    }

    /**
     * Claims the key for the account about to be made in the same transaction. False when another request holds
     * it: PostgreSQL waits until that one commits (or rolls back).
     */
    Uni<Boolean> claim(SqlClient transaction, Instant now) {
        return transaction.preparedQuery("""
                        INSERT INTO domain_creation (idempotency_key, request_hash, domain_id, created_at)
                        VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING""")
                .execute(Tuple.of(idempotencyKey, requestHash, domainId, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }
}
