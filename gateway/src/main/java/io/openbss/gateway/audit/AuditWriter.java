package io.openbss.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.time.BssTime;
import io.openbss.gateway.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes audit records while the call they record waits, each wait bounded by {@code bss.gateway.audit.write-timeout}.
 * A call about to be forwarded is recorded first ({@link #open}): if that fails, the call is refused. Its outcome
 * ({@link #complete}), and a call refused before forwarding ({@link #write}), are written in a wait that never fails,
 * so that auditing cannot turn an answer into an error. A record that could not be written is logged by operation
 * and request id (never its content) and counted. Every text is made printable first: no value a client chose can
 * make PostgreSQL refuse the record.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final String INSERT = """
            INSERT INTO audit_record (occurred_at, actor, domain_id, domain_name, user_id, user_name, access_key,
                                      token_id, operation, method, path, identifiers, identifiers_truncated,
                                      source_ip, status, error_code, request_id, duration_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            RETURNING record_id""";
    private static final String COMPLETE = """
            UPDATE audit_record SET status = $2, error_code = $3, duration_ms = $4, upstream_request_id = $5
             WHERE record_id = $1 AND status IS NULL""";

    /** How long the outcome of a performed call is tried again while it cannot be written. */
    private static final Duration COMPLETION_RETRIES = Duration.ofSeconds(60);

    private final Pool pool;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final Counter written;
    private final Counter failed;
    private final Counter timedOut;

    @Inject
    public AuditWriter(Pool pool, Vertx vertx, GatewayConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.vertx = vertx;
        this.timeoutMillis = config.audit().writeTimeout().toMillis();
        this.written = records("written", metrics);
        this.failed = records("failed", metrics);
        this.timedOut = Counter.builder("bss.gateway.audit.write.timeouts")
                .description("Answers sent before their audit record was written (the write goes on)")
                .register(metrics);
    }

    /** Completes, never fails, once the record is written, has failed to be, or the write timeout has passed. */
    public Future<Void> write(AuditRecord record) {
        return settled(insert(record).mapEmpty(), record.operation(), record.requestId());
    }

    /**
     * Records a call before it is forwarded; fails (and the call must be refused) when the record is not written
     * within the write timeout. Gives the record's id, for {@link #complete}. An insert that lands after the timeout
     * is completed with {@code refusal}, the answer the refused call got, so that the trail holds one true record.
     */
    public Future<Long> open(AuditRecord record, ApigRefusal refusal) {
        Future<Long> inserted = insert(record);
        return inserted.timeout(timeoutMillis, TimeUnit.MILLISECONDS).recover(failure -> {
            if (failure instanceof NoStackTraceTimeoutException) {
                timedOut.increment();
                inserted.onSuccess(late -> complete(late, record.operation(), record.requestId(), refusal.status(),
                        refusal.code(), Duration.between(record.occurredAt(), Instant.now()).toMillis(), null));
            }
            lost(record.operation(), record.requestId(), failure);
            return Future.failedFuture(failure);
        });
    }

    /** The answer a call gets when its record could not be opened. */
    public record ApigRefusal(int status, String code) {
    }

    /**
     * Writes the outcome of an opened record; completes, never fails, like {@link #write}. The update only fills a
     * record still without a status, so it is tried again while PostgreSQL does not answer (it was restarting):
     * the call was performed, and its record must say how it ended.
     */
    public Future<Void> complete(long recordId, String operation, String requestId, int status, String errorCode,
            long durationMillis, String upstreamRequestId) {
        Tuple values = Tuple.of(recordId, status, fit(errorCode, 64), (int) Math.min(Integer.MAX_VALUE,
                durationMillis), fit(upstreamRequestId, 64));
        Promise<Void> completed = Promise.promise();
        completeWithRetries(values, System.nanoTime() + COMPLETION_RETRIES.toNanos(), 100, completed);
        return settled(completed.future(), operation, requestId);
    }

    private void completeWithRetries(Tuple values, long deadline, long waitMillis, Promise<Void> completed) {
        pool.preparedQuery(COMPLETE).execute(values).onSuccess(rows -> completed.tryComplete()).onFailure(failure -> {
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) - deadline > 0) {
                completed.tryFail(failure);
            } else {
                vertx.setTimer(waitMillis, id -> completeWithRetries(values, deadline, Math.min(waitMillis * 2,
                        5_000), completed));
            }
        });
    }

    private Future<Long> insert(AuditRecord record) {
        return pool.preparedQuery(INSERT).execute(tuple(record)).map(rows -> {
            written.increment();
            return rows.iterator().next().getLong(0);
        });
    }

    /** A write the answer waits for at most the write timeout, and that never fails. */
    private Future<Void> settled(Future<Void> write, String operation, String requestId) {
        Promise<Void> settled = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (settled.tryComplete()) {
                timedOut.increment();
                LOG.warnf("audit record of %s (request %s) not written after %d ms; answering without waiting",
                        operation, requestId, timeoutMillis);
            }
        });
        write.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                lost(operation, requestId, result.cause());
            }
            settled.tryComplete();
        });
        return settled.future();
    }

    private static Counter records(String outcome, MeterRegistry metrics) {
        return Counter.builder("bss.gateway.audit.records").description("Audit records written, or lost (logged)")
                .tag("outcome", outcome).register(metrics);
    }

    /** A record that could not be made or written: logged by operation and request id only, and counted. */
    void lost(String operation, String requestId, Throwable cause) {
        failed.increment();
        LOG.errorf("audit record of %s (request %s) was not written: %s", operation, requestId, cause.getMessage());
    }

    /** The record's values, cut to their columns' sizes: a long value must not cost the whole record. */
    private static Tuple tuple(AuditRecord record) {
        Subject subject = record.subject();
        return Tuple.wrap(Arrays.asList(BssTime.utc(record.occurredAt()), record.actor().wireName(),
                fit(subject.domainId(), 32), fit(subject.domainName(), 64), fit(subject.userId(), 32),
                fit(subject.userName(), 64), fit(subject.accessKey(), 40), fit(subject.tokenId(), 64),
                fit(record.operation(), 64), fit(record.method(), 16), fit(record.path(), 512),
                record.identifiers().toJson(), record.identifiers().truncated(), fit(record.sourceIp(), 64),
                record.status(), fit(record.errorCode(), 64), fit(record.requestId(), 64),
                record.durationMillis() == null ? null : (int) Math.min(Integer.MAX_VALUE, record.durationMillis())));
    }

    /** Printable, and cut to its column's size: a long or odd value must not cost the whole record. */
    private static String fit(String value, int length) {
        if (value == null) {
            return null;
        }
        String printable = Printable.of(value);
        return printable.length() <= length ? printable : printable.substring(0, length);
    }
}
