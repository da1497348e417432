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
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Writes audit records, one insert each, while the call they record waits to be answered. The wait ends when the
 * record is written, when writing it failed, or after {@code bss.gateway.audit.write-timeout}, whichever comes first;
 * it never fails, so that auditing cannot turn a call into an error. A record that could not be written is logged
 * by operation and request id (never its content) and counted.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final String INSERT = """
            INSERT INTO audit_record (occurred_at, actor, domain_id, domain_name, user_id, user_name, access_key,
                                      token_id, operation, method, path, identifiers, identifiers_truncated,
                                      source_ip, status, error_code, request_id, duration_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)""";

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
        Promise<Void> settled = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (settled.tryComplete()) {
                timedOut.increment();
                LOG.warnf("audit record of %s (request %s) not written after %d ms; answering without waiting",
                        record.operation(), record.requestId(), timeoutMillis);
            }
        });
        pool.preparedQuery(INSERT).execute(tuple(record)).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                written.increment();
            } else {
                lost(record.operation(), record.requestId(), result.cause());
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
                subject.domainId(), subject.domainName(), subject.userId(), subject.userName(), subject.accessKey(),
                subject.tokenId(), cut(record.operation(), 64), cut(record.method(), 16), cut(record.path(), 512),
                record.identifiers().toJson(), record.identifiers().truncated(), cut(record.sourceIp(), 64),
                record.status(), cut(record.errorCode(), 64), record.requestId(),
                (int) Math.min(Integer.MAX_VALUE, record.durationMillis())));
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
