package io.openbss.common.upstream;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.reconcile.PendingWork;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The one writer of a recorded money call's status: recorded {@code PENDING} before it is sent, {@code DONE} (or
 * {@code REFUSED}) with its final answer once one came; only a refused one is sent again, as a new attempt.
 */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class UpstreamCallTransitions {

    /** The calls whose final answer is still unknown, for the reconciler. */
    public static final PendingWork UNANSWERED = new PendingWork("upstream_call",
            List.of("domain_id", "operation", "idempotency_key"),
            Map.of("status", UpstreamCallStatus.PENDING.name()));

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Records a call before it is sent; null when the key was recorded already (by a concurrent request). */
    Uni<RecordedCall> record(String operation, String key, UpstreamRequest request, OffsetDateTime firstAttemptAt) {
        return pool.preparedQuery("""
                INSERT INTO upstream_call (domain_id, operation, idempotency_key, method, path, query, content_type,
                    language, request_id, body, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, $13)
                ON CONFLICT DO NOTHING RETURNING *""")
                .execute(Tuple.from(new Object[] {request.linkedDomain(), operation, key, request.method(),
                        request.rawPath(), request.rawQuery(), request.contentType(), request.language(),
                        request.requestId(), new String(request.body(), StandardCharsets.UTF_8),
                        UpstreamCallStatus.PENDING.name(), firstAttemptAt, utc(clock.instant())}))
                .map(rows -> rows.size() == 0 ? null : RecordedCall.of(rows.iterator().next()));
    }

    /** Stores the final answer; false when another attempt stored one first. */
    Uni<Boolean> answer(RecordedCall call, UpstreamAnswer answer, UpstreamCallStatus settled) {
        return pool.preparedQuery("""
                UPDATE upstream_call SET status = $4, answer_status = $5, answer_content_type = $6, answer_body = $7,
                    upstream_request_id = $8, updated_at = $9
                 WHERE domain_id = $1 AND operation = $2 AND idempotency_key = $3 AND status = $10""")
                .execute(Tuple.from(new Object[] {call.domainId(), call.operation(), call.key(),
                        settled.name(), answer.status(), answer.contentType(), answer.bodyText(),
                        answer.upstreamRequestId(), utc(clock.instant()), UpstreamCallStatus.PENDING.name()}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A refused call, pending again with the request of a new attempt; null when another request reopened it. */
    Uni<RecordedCall> reopen(RecordedCall call, UpstreamRequest request, OffsetDateTime firstAttemptAt) {
        return pool.preparedQuery("""
                UPDATE upstream_call SET status = $4, method = $5, path = $6, query = $7, content_type = $8,
                    language = $9, request_id = $10, body = $11, answer_status = NULL, answer_content_type = NULL,
                    answer_body = NULL, upstream_request_id = NULL, attempts = 0, next_attempt_at = $12,
                    updated_at = $13
                 WHERE domain_id = $1 AND operation = $2 AND idempotency_key = $3 AND status = $14
                RETURNING *""")
                .execute(Tuple.from(new Object[] {call.domainId(), call.operation(), call.key(),
                        UpstreamCallStatus.PENDING.name(), request.method(), request.rawPath(), request.rawQuery(),
                        request.contentType(), request.language(), request.requestId(),
                        new String(request.body(), StandardCharsets.UTF_8), firstAttemptAt, utc(clock.instant()),
                        UpstreamCallStatus.REFUSED.name()}))
                .map(rows -> rows.size() == 0 ? null : RecordedCall.of(rows.iterator().next()));
    }
}
