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
 * The one writer of a recorded money call's status: recorded {@code PENDING} before it is sent, {@code DONE} with
 * its final answer once one came, and never changed again.
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
    Uni<Boolean> answer(RecordedCall call, UpstreamAnswer answer) {
        return pool.preparedQuery("""
                UPDATE upstream_call SET status = $4, answer_status = $5, answer_content_type = $6, answer_body = $7,
                    upstream_request_id = $8, updated_at = $9
                 WHERE domain_id = $1 AND operation = $2 AND idempotency_key = $3 AND status = $10""")
                .execute(Tuple.from(new Object[] {call.domainId(), call.operation(), call.key(),
                        UpstreamCallStatus.DONE.name(), answer.status(), answer.contentType(), answer.bodyText(),
                        answer.upstreamRequestId(), utc(clock.instant()), UpstreamCallStatus.PENDING.name()}))
                .map(rows -> rows.rowCount() == 1);
    }
}
