package io.openbss.gateway.identity;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;

/** A mobile phone (or other contact) that operators reported: no new account may be bound to it. */
public record ReportedContact(String contact, String reason, Instant createdAt) {

    public static ReportedContact of(Row row) {
        return new ReportedContact(row.getString("contact"), row.getString("reason"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    public static Uni<Boolean> isReported(SqlClient client, String contact) {
        return client.preparedQuery("SELECT 1 FROM reported_contact WHERE contact = $1").execute(Tuple.of(contact))
                .map(rows -> rows.size() > 0);
    }

    /** Every report, oldest first. */
    public static Uni<List<ReportedContact>> list(SqlClient client) {
        return client.query("SELECT contact, reason, created_at FROM reported_contact ORDER BY created_at, contact")
                .execute().map(rows -> rows.stream().map(ReportedContact::of).toList());
    }

    /** Reports the contact, or gives a reported one its new reason (keeping when it was first reported). */
    public static Uni<ReportedContact> report(SqlClient client, String contact, String reason, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO reported_contact (contact, reason, created_at) VALUES ($1, $2, $3)
                        ON CONFLICT (contact) DO UPDATE SET reason = EXCLUDED.reason
                        RETURNING contact, reason, created_at""")
                .execute(Tuple.of(contact, reason, utc(now))).map(rows -> of(rows.iterator().next()));
    }

    /** False when the contact was not reported. */
    public static Uni<Boolean> withdraw(SqlClient client, String contact) {
        return client.preparedQuery("DELETE FROM reported_contact WHERE contact = $1").execute(Tuple.of(contact))
                .map(rows -> rows.rowCount() == 1);
    }
}
