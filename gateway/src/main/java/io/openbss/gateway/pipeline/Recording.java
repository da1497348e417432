package io.openbss.gateway.pipeline;

import io.openbss.gateway.audit.PublicCallAudit;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Audit ({@link PublicCallAudit}): a state-changing call has a record-to-be from the moment it is routed; it is
 * recorded before it is performed, and refused with 503 APIG.0201, not performed, when that record cannot be written;
 * its answer, whatever it is, completes the record (or writes the record of a refusal) before the client gets it.
 * Views leave none.
 */
@Singleton
class Recording {

    @Inject
    PublicCallAudit audit;

    PublicCall begin(PublicCall call) {
        call.audited = audit.begin(call.route, call.request, call.requestId, call.started, call.address);
        return call;
    }

    Future<PublicCall> beforePerforming(PublicCall call) {
        ApigException unrecorded = ApigException.auditUnavailable();
        return audit.beforeForwarding(call.audited, unrecorded.status(), unrecorded.code())
                .transform(opened -> opened.succeeded() ? Future.succeededFuture(call)
                        : Future.failedFuture(unrecorded));
    }

    /** Completes, never fails, when the client may be answered; {@code errorCode} is read only for a record. */
    Future<Void> answered(PublicCall call, int status, Supplier<String> errorCode) {
        return call.audited == null ? Future.succeededFuture()
                : audit.answered(call.audited, status, errorCode.get(), call.upstreamRequestId);
    }
}
