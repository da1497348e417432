package io.openbss.gateway.pipeline;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.operations.ReplayRule;
import io.openbss.common.signing.AuthorizationHeader;
import io.openbss.gateway.audit.AuditedCall;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;

/** One public call on its way through the pipeline: what the steps so far have found out about it. */
final class PublicCall {

    final HttpServerRequest request;
    final String requestId;
    /** When the call arrived ({@link System#nanoTime}), for its duration. */
    final long started;
    /** The operation it calls and the raw values of its path parameters; null until routed. */
    OperationTable.Match route;
    Span span;
    /** The client's address (rate limits, audit trail). */
    String address;
    /** The record-to-be of a state-changing call; null for a view. */
    AuditedCall audited;
    Buffer body;
    /** How many bytes of its body {@link BodyBudget} counts for this call (until it is settled). */
    volatile long bodyBytes;
    /** Whether this is a token request the password authenticates (signed or not). */
    boolean passwordLogin;
    /**
     * Whom its headers name ({@link Identification}): a signed call's key or an {@code X-Auth-Token}'s holder; null
     * for a token request, which its body may authenticate.
     */
    Credential identified;
    /** A signed call's {@code Authorization} header, parsed once ({@link Identification#keyOf}). */
    AuthorizationHeader authorization;
    Credential credential;
    /** The caller as the service is told, once authorized. */
    CallerIdentity caller;
    /** The request id the upstream BSS gave the call, when a linked account's call went there. */
    String upstreamRequestId;
    /** Whether {@link InFlightCalls} has been told that this call is over (answers may end on another thread). */
    final AtomicBoolean settled = new AtomicBoolean();

    PublicCall(HttpServerRequest request, String requestId, long started) {
        this.request = request;
        this.requestId = requestId;
        this.started = started;
    }

    Operation operation() {
        return route.operation();
    }

    String header(String name) {
        return request.getHeader(name);
    }

    /** The whole body has been read: from it, whether the call is a password login. */
    void bodyRead(Buffer body) {
        this.body = body;
        if (audited != null) {
            audited.bodyRead(body);
        }
        passwordLogin = KeystoneTokens.isPasswordLogin(operation().name(), header("Authorization"), body);
        if (passwordLogin && audited != null) {
            audited.passwordLogin();
        }
    }

    void authenticated(Credential credential) {
        this.credential = credential;
        if (audited != null) {
            audited.authenticated(credential);
        }
    }

    /**
     * Whether sending the call again changes nothing more: a view, an operation whose repeat changes nothing more,
     * or a call that carries its idempotency key (the operation table's replay rule).
     */
    boolean repeatable() {
        ReplayRule rule = operation().replay();
        return switch (rule.kind()) {
            case NONE, ANSWERED -> true;
            case REFUSED -> false;
            case KEY -> jsonObject(body) instanceof JsonObject json && json.getValue(rule.key()) instanceof String key
                    && !key.isEmpty();
        };
    }

    private static JsonObject jsonObject(Buffer body) {
        try {
            return body.length() == 0 ? null : new JsonObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
