package io.openbss.common.upstream;

import io.vertx.mutiny.sqlclient.Row;
import java.nio.charset.StandardCharsets;

/** One money call of a linked account, as recorded before it was sent: the request and, once final, its answer. */
public record RecordedCall(String domainId, String operation, String key, UpstreamRequest request,
        UpstreamCallStatus status, UpstreamAnswer answer) {

    static RecordedCall of(Row row) {
        UpstreamCallStatus status = UpstreamCallStatus.valueOf(row.getString("status"));
        UpstreamRequest request = new UpstreamRequest(row.getString("method"), row.getString("path"),
                row.getString("query"), row.getString("content_type"), bytes(row.getString("body")),
                row.getString("domain_id"), row.getString("request_id"), row.getString("language"));
        UpstreamAnswer answer = status != UpstreamCallStatus.PENDING
                ? new UpstreamAnswer(row.getInteger("answer_status"), row.getString("answer_content_type"),
                        bytes(row.getString("answer_body")), row.getString("upstream_request_id"))
                : null;
        return new RecordedCall(row.getString("domain_id"), row.getString("operation"),
                row.getString("idempotency_key"), request, status, answer);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
