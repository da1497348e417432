package io.openbss.gateway.audit;

import io.openbss.common.sql.SqlQuery;
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
            operation, method, path, identifiers, identifiers_truncated, source_ip, status, error_code, request_id, upstream_request_id,
            duration_ms""";

    @Inject
    Pool pool;

    public Uni<AuditViews.RecordPage> find(AuditQuery query) {
        SqlQuery filters = SqlQuery.sql()
                .andIf(query.domainId(), "domain_id = ?")
                .andIf(query.userId(), "user_id = ?")
                .andIf(query.accessKey(), "access_key = ?")
                .andIf(query.operation(), "operation = ?")
                .andIf(query.requestId(), "request_id = ?")
                .andIf(query.resourceId(), "audit_identifier_values(identifiers) @> ARRAY[?]::text[]")
                .andIf(query.since() == null ? null : BssTime.utc(query.since()), "occurred_at >= ?")
                .andIf(query.until() == null ? null : BssTime.utc(query.until()), "occurred_at < ?");
        if (query.success() != null) {
            filters.and(query.success() ? "status < 400" : "status >= 400");
        }
        String where = filters.where();
        Tuple values = filters.tuple();
        Uni<Long> total = pool.preparedQuery("SELECT count(*) FROM audit_record" + where)
                .execute(values).map(rows -> rows.iterator().next().getLong(0));
        String page = " ORDER BY occurred_at DESC, record_id DESC LIMIT " + filters.bind(query.paging().limit())
                + " OFFSET " + filters.bind(query.paging().offset());
        Uni<List<AuditViews.RecordView>> records = pool
                .preparedQuery("SELECT " + COLUMNS + " FROM audit_record" + where + page)
                .execute(filters.tuple()).map(rows -> {
                    List<AuditViews.RecordView> views = new ArrayList<>(rows.size());
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
        return Uni.combine().all().unis(total, records).asTuple()
                .map(both -> new AuditViews.RecordPage(both.getItem1(), both.getItem2()));
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
                row.getString("request_id"), row.getString("upstream_request_id"),
                row.getInteger("duration_ms"));
    }

    private static Map<String, List<String>> identifiers(JsonObject json) {
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        json.forEach(entry -> identifiers.put(entry.getKey(),
                ((JsonArray) entry.getValue()).stream().map(String::valueOf).toList()));
        return identifiers;
    }
}
