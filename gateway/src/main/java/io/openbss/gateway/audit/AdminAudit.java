package io.openbss.gateway.audit;

import io.openbss.common.error.ErrorCode;
import io.openbss.common.request.RequestIds;
import io.openbss.gateway.backends.BackendClient;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.input.SourceAddresses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.jboss.logging.MDC;

/**
 * Records admin changes with actor {@code admin} and the admin's source address, after they took effect and before
 * the admin gets the answer. Refused attempts (bad input) changed nothing and are not recorded; calls of services'
 * internal APIs other than reads are, whatever the service answered, as they may have moved money or time.
 */
@ApplicationScoped
public class AdminAudit {

    @Inject
    AuditWriter writer;

    @Inject
    SourceAddresses sourceAddresses;

    @Inject
    Clock clock;

    /** Runs the change and records it with the status its success answers with. */
    public <T> Uni<T> recorded(HttpServerRequest request, int status, Uni<T> change,
            Function<T, AdminChange> describe) {
        return Uni.createFrom().deferred(() -> {
            Call call = start(request);
            return change.call(result -> write(call.record(describe.apply(result), status, null)));
        });
    }

    /** Runs a call of a service's internal API and, unless it only reads, records it with the service's answer. */
    public Uni<BackendClient.BackendResponse> serviceCall(HttpServerRequest request, Buffer body,
            Uni<BackendClient.BackendResponse> forward) {
        if (request.method() == HttpMethod.GET) {
            return forward;
        }
        return Uni.createFrom().deferred(() -> {
            Call call = start(request);
            AdminChange change = new AdminChange(AdminChange.CALL_SERVICE_API, Subject.NONE,
                    BusinessIdentifiers.collector().query(request.query()).json(body.getBytes()).build());
            return forward.onItemOrFailure().call((answer, failure) -> {
                if (answer != null) {
                    return write(call.record(change, answer.status(),
                            AuditedCall.errorCode(answer.status(), answer.body())));
                }
                return failure instanceof ApigException apig
                        ? write(call.record(change, apig.status(), apig.code()))
                        : write(call.record(change, ErrorCode.INTERNAL.status(), ErrorCode.INTERNAL.code()));
            });
        });
    }

    private Call start(HttpServerRequest request) {
        // RequestIdFilter put the id that the admin gets in X-Request-Id into the request's log context.
        String requestId = RequestIds.orNew((String) MDC.get("requestId"));
        return new Call(clock.instant(), System.nanoTime(), requestId, request.method().name(), request.path(),
                sourceAddresses.of(request));
    }

    private Uni<Void> write(AuditRecord record) {
        return Uni.createFrom().completionStage(() -> writer.write(record).toCompletionStage());
    }

    /** An admin request being served: what its record will say besides the change. */
    private record Call(Instant occurredAt, long startedNanos, String requestId, String method, String path,
            String sourceIp) {

        AuditRecord record(AdminChange change, int status, String errorCode) {
            return new AuditRecord(occurredAt, Actor.ADMIN, change.subject(), change.operation(), method, path,
                    change.identifiers(), sourceIp, status, errorCode, requestId,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }
}
