package io.openbss.gateway.identity;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An AK/SK pair of a user; the secret key is kept encrypted ({@link SecretKeyCipher}). */
public record AccessKey(String accessKey, String userId, String domainId, byte[] secretCiphertext, String status,
        String description, Instant createdAt) {

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";
    private static final String COLUMNS =
            "access_key, user_id, domain_id, secret_ciphertext, status, description, created_at";

    public static AccessKey of(Row row) {
        return new AccessKey(row.getString("access_key"), row.getString("user_id"), row.getString("domain_id"),
                row.getBuffer("secret_ciphertext").getBytes(), row.getString("status"), row.getString("description"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    /** The account's keys, oldest first. */
    public static Uni<List<AccessKey>> listOf(SqlClient client, String domainId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM access_key WHERE domain_id = $1"
                        + " ORDER BY created_at, access_key")
                .execute(Tuple.of(domainId)).map(rows -> rows.stream().map(AccessKey::of).toList());
    }

    /** Sets the key's status and gives the key as it now is, or null when there is no such key. */
    public static Uni<AccessKey> setStatus(SqlClient client, String accessKey, String status) {
        return client.preparedQuery("UPDATE access_key SET status = $2 WHERE access_key = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(accessKey, status)).map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    public Uni<Void> insert(SqlClient client) {
        return client.preparedQuery("INSERT INTO access_key (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(Arrays.asList(accessKey, userId, domainId, Buffer.buffer(secretCiphertext),
                        status, description, utc(createdAt))))
                .replaceWithVoid();
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKey + ", " + status + "]";
    }
}
