package io.openbss.enterprise.organizations;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;

/** A unit of an enterprise's organization tree; the unit without a parent is the enterprise's root. */
public record Organization(String orgId, String masterCustomerId, String parentId, String name, Instant createdAt) {

    /** A row of {@code organization}. */
    public static Organization of(Row row) {
        return new Organization(row.getString("org_id"), row.getString("master_customer_id"),
                row.getString("parent_id"), row.getString("name"), row.getOffsetDateTime("created_at").toInstant());
    }

    /** Units are parties with numeric ids, as the API's parent_id and party_id expect. */
    public static String checkId(String parameter, String id) {
        if (id == null || !id.matches("[0-9]{1,32}")) {
            throw BssException.badParameter(parameter, "must be the numeric id of an organization unit");
        }
        return id;
    }

    /** Fails with 400 and {@code refusal} unless {@code orgId} is a unit of the master's organization. */
    public static Uni<Void> requireUnitOf(SqlClient client, String masterId, String orgId, String refusal) {
        return client.preparedQuery("SELECT 1 FROM organization WHERE org_id = $1 AND master_customer_id = $2")
                .execute(Tuple.of(orgId, masterId)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, refusal);
                    }
                }).replaceWithVoid();
    }

    /** The id of the relation between this unit and its parent. */
    public String relationId() {
        return parentId == null ? null : parentId + "-" + orgId;
    }
}
