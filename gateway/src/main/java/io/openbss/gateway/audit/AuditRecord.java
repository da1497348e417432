package io.openbss.gateway.audit;

import java.time.Instant;

/**
 * One entry of the audit trail: who ({@code actor}, {@code subject}) did what ({@code operation} on the objects its
 * {@code identifiers} name), when (the gateway's clock), from where, with what result, and how long it took.
 * A record opened before its call is forwarded has no status and duration yet ({@link #opened}).
 */
public record AuditRecord(Instant occurredAt, Actor actor, Subject subject, String operation, String method,
        String path, BusinessIdentifiers identifiers, String sourceIp, Integer status, String errorCode,
        String requestId, Long durationMillis) {

    public boolean opened() {
        return status == null;
    }
}
