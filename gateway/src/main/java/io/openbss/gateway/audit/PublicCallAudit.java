package io.openbss.gateway.audit;

import io.openbss.common.operations.OperationTable;
import io.openbss.common.signing.AuthorizationHeader;
import io.openbss.common.signing.SignatureException;
import io.openbss.gateway.identity.CredentialStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The audit trail of the public API: every state-changing call that reached a known account leaves one record.
 * A call the gateway forwards is recorded before it is forwarded ({@link #beforeForwarding}), and refused when that
 * record cannot be written; its outcome completes the record before the client gets the answer. A call refused
 * before forwarding is recorded with its refusal. Views leave none.
 */
@Singleton
public class PublicCallAudit {

    @Inject
    AuditWriter writer;

    @Inject
    CredentialStore credentials;

    @Inject
    Clock clock;

    /** The record-to-be of a routed call from {@code address}, or null when the call changes nothing. */
    public AuditedCall begin(OperationTable.Match match, HttpServerRequest request, String requestId,
            long startedNanos, String address) {
        if (!match.operation().changesState()) {
            return null;
        }
        return new AuditedCall(match, request, requestId, clock.instant(), startedNanos, address);
    }

    /**
     * Opens the record of an authenticated call that is about to be performed; fails when it cannot be written, and
     * the call must then be refused (with {@code refusalStatus} and {@code refusalCode}) rather than performed
     * unrecorded. Views need none.
     */
    public Future<Void> beforeForwarding(AuditedCall call, int refusalStatus, String refusalCode) {
        if (call == null) {
            return Future.succeededFuture();
        }
        return writer.open(call.record(call.caller(), null, null, null),
                        new AuditWriter.ApigRefusal(refusalStatus, refusalCode))
                .onFailure(failure -> call.markOpenFailed())
                .map(recordId -> {
                    call.opened(recordId);
                    return null;
                });
    }

    /**
     * Writes the record of an answered call (or completes the one opened before it was forwarded); completes, never fails, when the client may be answered. A call refused
     * before its caller was authenticated is filed under the account of the access key it named, when that key
     * exists. One naming no known key is not recorded: there is no account to file it under, and anyone could fill
     * the trail with such calls.
     */
    public Future<Void> answered(AuditedCall call, int status, String errorCode, String upstreamRequestId) {
        long durationMillis = call.elapsedMillis();
        if (call.openFailed()) {
            return Future.succeededFuture(); // the trail could not be written: the refusal's record is the late one
        }
        if (call.openedRecord() != null) {
            return writer.complete(call.openedRecord(), call.operation(), call.requestId(), status, errorCode,
                    durationMillis, upstreamRequestId);
        }
        if (call.caller() != null) {
            return writer.write(call.record(call.caller(), status, errorCode, durationMillis));
        }
        return claimedCaller(call.authorization()).transform(found -> {
            if (found.failed()) {
                writer.lost(call.operation(), call.requestId(), found.cause());
                return Future.succeededFuture();
            }
            return found.result() == null ? Future.succeededFuture()
                    : writer.write(call.record(found.result(), status, errorCode, durationMillis));
        });
    }

    /** The owner of the access key an Authorization header names, or null when it names none that exists. */
    private Future<Subject> claimedCaller(String authorization) {
        if (authorization == null) {
            return Future.succeededFuture();
        }
        String accessKey;
        try {
            accessKey = AuthorizationHeader.parse(authorization).accessKey();
        } catch (SignatureException e) {
            return Future.succeededFuture();
        }
        return Future.fromCompletionStage(credentials.find(accessKey), Vertx.currentContext())
                .map(found -> found.map(Subject::of).orElse(null));
    }
}
