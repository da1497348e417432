package io.openbss.gateway.audit;

import io.openbss.common.operations.OperationTable;
import io.openbss.gateway.identity.Credential;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A state-changing public call on its way through the gateway: what its audit record will say, filled in as the
 * call is routed, read and authenticated.
 */
public final class AuditedCall {

    /** Error answers are small; anything larger is not an error envelope worth reading. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final OperationTable.Match match;
    private final HttpServerRequest request;
    private final String requestId;
    private final Instant occurredAt;
    private final long startedNanos;
    private final String sourceIp;
    private Buffer body;
    private Subject caller;
    /** The record written before the call was forwarded, which its answer completes; null until then. */
    private Long openedRecord;
    /** Whether opening the record failed: the call is refused, and its record, if it ever lands, says so. */
    private boolean openFailed;
    /** Whether the call is a password login, whose signature (if any) names no caller. */
    private boolean passwordLogin;

    AuditedCall(OperationTable.Match match, HttpServerRequest request, String requestId, Instant occurredAt,
            long startedNanos, String sourceIp) {
        this.match = match;
        this.request = request;
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.startedNanos = startedNanos;
        this.sourceIp = sourceIp;
    }

    /** The whole body, once read: the identifiers it names go into the record. */
    public void bodyRead(Buffer body) {
        this.body = body;
    }

    /**
     * Marks a password login: the password, not a signature it may carry, says who calls, so that a refused one is
     * filed as an unsigned one is (not under the access key that signed it).
     */
    public void passwordLogin() {
        this.passwordLogin = true;
    }

    public void authenticated(Credential credential) {
        this.caller = Subject.of(credential);
    }

    /** The {@code error_code} of a service's error answer, when it is the error envelope. */
    public static String errorCode(int status, Buffer answer) {
        if (status < 400 || answer.length() == 0 || answer.length() > MAX_ERROR_BODY) {
            return null;
        }
        try {
            return new JsonObject(answer).getValue("error_code") instanceof String code ? code : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    Subject caller() {
        return caller;
    }

    Long openedRecord() {
        return openedRecord;
    }

    void opened(long recordId) {
        this.openedRecord = recordId;
    }

    boolean openFailed() {
        return openFailed;
    }

    void markOpenFailed() {
        this.openFailed = true;
    }

    String authorization() {
        return passwordLogin ? null : request.getHeader("Authorization");
    }

    String operation() {
        return match.operation().name();
    }

    String requestId() {
        return requestId;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    AuditRecord record(Subject subject, Integer status, String errorCode, Long durationMillis) {
        BusinessIdentifiers.Collector identifiers = BusinessIdentifiers.collector()
                .pathParameters(match.pathParameters(), match.pathValues())
                .query(request.query());
        if (body != null) {
            identifiers.json(body.getBytes());
        }
        return new AuditRecord(occurredAt, Actor.CUSTOMER, subject, operation(), request.method().name(),
                request.path(), identifiers.build(), sourceIp, status, errorCode, requestId, durationMillis);
    }
}
