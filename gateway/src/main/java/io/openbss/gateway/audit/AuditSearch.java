package io.openbss.gateway.audit;

import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit trail: the records a query's filters select, newest first, a page at a time. */
@ApplicationScoped
public class AuditSearch {

    private static final String COLUMNS = """
            record_id, occurred_at, actor, domain_id, domain_name, user_id, user_name, access_key, token_id,
            operation, method, path, identifiers, identifiers_truncated, source_ip, status, error_code, request_id,
            duration_ms""";

    @Inject
    Pool pool;

    public Uni<AuditViews.RecordPage> find(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        equal(conditions, values, "domain_id", query.domainId());
        equal(conditions, values, "user_id", query.userId());
        equal(conditions, values, "access_key", query.accessKey());
        equal(conditions, values, "operation", query.operation());
        equal(conditions, values, "request_id", query.requestId());
        if (query.resourceId() != null) {
            values.add(query.resourceId());
            conditions.add("audit_identifier_values(identifiers) @> ARRAY[$" + values.size() + "]::text[]");
        }
        if (query.success() != null) {
            conditions.add(query.success() ? "status < 400" : "status >= 400");
        }
        if (query.since() != null) {
            values.add(BssTime.utc(query.since()));
            conditions.add("occurred_at >= $" + values.size());
        }
        if (query.until() != null) {
            values.add(BssTime.utc(query.until()));
            conditions.add("occurred_at < $" + values.size());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Object> paged = new ArrayList<>(values);
        paged.add(query.paging().limit());
        paged.add(query.paging().offset());
        Uni<Long> total = pool.preparedQuery("SELECT count(*) FROM audit_record" + where)
                .execute(Tuple.wrap(values)).map(rows -> rows.iterator().next().getLong(0));
        Uni<List<AuditViews.RecordView>> page = pool.preparedQuery("SELECT " + COLUMNS + " FROM audit_record"
                        + where + " ORDER BY occurred_at DESC, record_id DESC LIMIT $" + (values.size() + 1)
                        + " OFFSET $" + (values.size() + 2))
                .execute(Tuple.wrap(paged)).map(rows -> {
                    List<AuditViews.RecordView> records = new ArrayList<>(rows.size());
                    rows.forEach(row -> records.add(view(row)));
                    return records;
                });
        return Uni.combine().all().unis(total, page).asTuple()
                .map(both -> new AuditViews.RecordPage(both.getItem1(), both.getItem2()));
    }

    private static void equal(List<String> conditions, List<Object> values, String column, String value) {
        if (value != null) {
            values.add(value);
            conditions.add(column + " = $" + values.size());
        }
    }

    private static AuditViews.RecordView view(Row row) {
        Integer status = row.getInteger("status");
        return new AuditViews.RecordView(row.getLong("record_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("actor"), row.getString("domain_id"), row.getString("domain_name"),
                row.getString("user_id"), row.getString("user_name"), row.getString("access_key"),
                row.getString("token_id"), row.getString("operation"), row.getString("method"),
                row.getString("path"), identifiers(row.getJsonObject("identifiers")),
                row.getBoolean("identifiers_truncated"), row.getString("source_ip"), status,
                row.getString("error_code"), status == null ? "unknown" : status < 400 ? "success" : "failure",
                row.getString("request_id"),
                row.getInteger("duration_ms"));
    }

    private static Map<String, List<String>> identifiers(JsonObject json) {
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        json.forEach(entry -> identifiers.put(entry.getKey(),
                ((JsonArray) entry.getValue()).stream().map(String::valueOf).toList()));
        return identifiers;
    }
}
