package io.openbss.gateway.identity;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A customer account ("domain" in IAM); its id is the customer id of the BSS API. {@code mobilePhone} is the
 * account's phone; sub-accounts may share their master's (bss.gateway.accounts-per-mobile-phone).
 */
public record Domain(String domainId, String name, DomainKind kind, boolean enabled, String mobilePhone,
        Instant createdAt) {

    /** The unique constraint on names: a creation that loses a race for a name breaks it. */
    public static final String NAME_UNIQUE = "domain_name_unique";
    private static final String COLUMNS = "domain_id, name, kind, enabled, mobile_phone, created_at";

    public static Domain of(Row row) {
        return new Domain(row.getString("domain_id"), row.getString("name"),
                DomainKind.fromWireName(row.getString("kind")), row.getBoolean("enabled"),
                row.getString("mobile_phone"), row.getOffsetDateTime("created_at").toInstant());
    }

    /** The account, or null. */
    public static Uni<Domain> find(SqlClient client, String domainId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM domain WHERE domain_id = $1")
                .execute(Tuple.of(domainId)).map(Domain::first);
    }

    /** Every account, or the one with this name, oldest first. */
    public static Uni<List<Domain>> list(SqlClient client, String name) {
        String order = " ORDER BY created_at, domain_id";
        Uni<RowSet<Row>> rows = name == null
                ? client.query("SELECT " + COLUMNS + " FROM domain" + order).execute()
                : client.preparedQuery("SELECT " + COLUMNS + " FROM domain WHERE name = $1" + order)
                        .execute(Tuple.of(name));
        return rows.map(found -> found.stream().map(Domain::of).toList());
    }

    public static Uni<Boolean> nameTaken(SqlClient client, String name) {
        return client.preparedQuery("SELECT 1 FROM domain WHERE name = $1").execute(Tuple.of(name))
                .map(rows -> rows.size() > 0);
    }

    /** Fails with a failure naming {@link #NAME_UNIQUE} when another account has taken the name meanwhile. */
    public Uni<Void> insert(SqlClient client) {
        return client.preparedQuery("INSERT INTO domain (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(Arrays.asList(domainId, name, kind.wireName(), enabled, mobilePhone,
                        utc(createdAt))))
                .replaceWithVoid();
    }

    private static Domain first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : of(rows.iterator().next());
    }
}
