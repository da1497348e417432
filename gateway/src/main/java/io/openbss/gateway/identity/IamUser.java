package io.openbss.gateway.identity;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A user of an account: its root user (the account itself) or an IAM user created under it. {@code passwordHash} is
 * the bcrypt of the password ({@link PasswordHasher}), or null for users that sign in with keys only.
 */
public record IamUser(String userId, String domainId, String name, boolean root, boolean enabled,
        String passwordHash, Instant createdAt) {

    private static final String COLUMNS = "user_id, domain_id, name, root, enabled, password_hash, created_at";

    public static IamUser of(Row row) {
        return new IamUser(row.getString("user_id"), row.getString("domain_id"), row.getString("name"),
                row.getBoolean("root"), row.getBoolean("enabled"), row.getString("password_hash"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    /** The user, or null. */
    public static Uni<IamUser> find(SqlClient client, String userId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM iam_user WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** The account's root user, or null. */
    public static Uni<IamUser> rootOf(SqlClient client, String domainId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM iam_user WHERE domain_id = $1 AND root")
                .execute(Tuple.of(domainId)).map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** The account's users, oldest first. */
    public static Uni<List<IamUser>> listOf(SqlClient client, String domainId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM iam_user WHERE domain_id = $1"
                        + " ORDER BY created_at, user_id")
                .execute(Tuple.of(domainId)).map(rows -> rows.stream().map(IamUser::of).toList());
    }

    /** False when the account already has a user of this name. */
    public Uni<Boolean> insert(SqlClient client) {
        return client.preparedQuery("INSERT INTO iam_user (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        + " ON CONFLICT ON CONSTRAINT user_name_unique_in_domain DO NOTHING")
                .execute(Tuple.from(Arrays.asList(userId, domainId, name, root, enabled, passwordHash,
                        utc(createdAt))))
                .map(rows -> rows.rowCount() == 1);
    }

    @Override
    public String toString() {
        return "IamUser[" + userId + ", " + name + "]";
    }
}
