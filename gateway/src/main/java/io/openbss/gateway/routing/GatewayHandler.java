package io.openbss.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.operations.ReplayRule;
import io.openbss.common.request.RequestIds;
import io.openbss.common.signing.AuthorizationHeader;
import io.openbss.common.signing.SdkSignature;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.audit.AuditedCall;
import io.openbss.gateway.audit.PublicCallAudit;
import io.openbss.gateway.auth.PasswordAuthenticator;
import io.openbss.gateway.auth.ReplayGuard;
import io.openbss.gateway.auth.SignatureAuthenticator;
import io.openbss.gateway.auth.TokenAuthenticator;
import io.openbss.gateway.backends.BackendClient;
import io.openbss.gateway.backends.InternalTokenIssuer;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.errors.ErrorAnswer;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.input.InputGate;
import io.openbss.gateway.input.SourceAddresses;
import io.openbss.gateway.policies.CallerRules;
import io.openbss.gateway.policies.CloudServiceTypes;
import io.openbss.gateway.policies.PolicyCheck;
import io.openbss.gateway.ratelimits.RateLimitHeaders;
import io.openbss.gateway.ratelimits.RateLimits;
import io.openbss.gateway.ratelimits.Verdict;
import io.openbss.gateway.tokens.KeystoneDomains;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.openbss.gateway.tokens.TokenRequest;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The public front door: route by the operation table, read the body (at most 12 MB), authenticate the caller,
 * count the call against its per-API quotas, check the operation's caller rule and the user's policies, and forward
 * to the owning service with the caller as an internal token.
 * Every answer carries {@code X-Request-Id}; the answer to a state-changing call waits for its audit record.
 */
@Singleton
public class GatewayHandler implements Handler<HttpServerRequest> {

    static final String GATEWAY = "gateway";
    /** How long a refused oversize upload may go on being read (and discarded) before its connection is closed. */
    static final long LINGER_MS = 2_000;
    /** Request headers a service may see; everything else a client sends stays at the gateway. */
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "X-Language", "User-Agent");
    private static final Set<String> NOT_COPIED_BACK = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "x-request-id");

    private final OperationTable operations = OperationTable.load();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    @Inject
    SignatureAuthenticator authenticator;

    @Inject
    PasswordAuthenticator passwords;

    @Inject
    TokenAuthenticator tokenAuthenticator;

    @Inject
    PolicyCheck policies;

    @Inject
    KeystoneTokens keystone;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    BackendClient backends;

    @Inject
    MeterRegistry metrics;

    @Inject
    GatewayTracing tracing;

    @Inject
    PublicCallAudit audit;

    @Inject
    RateLimits rateLimits;

    @Inject
    SourceAddresses sourceAddresses;

    @Inject
    ReplayGuard replays;

    @Inject
    Clock clock;

    @Inject
    InFlightCalls calls;

    @Override
    public void handle(HttpServerRequest request) {
        long started = System.nanoTime();
        String requestId = RequestIds.orNew(request.getHeader(RequestIds.HEADER));
        if (!calls.admit()) {
            refuseWhileShuttingDown(request, requestId);
            return;
        }
        Exchange exchange = new Exchange(request, requestId, started);
        var match = InputGate.isCanonicalPath(request.path())
                ? operations.match(request.method().name(), request.path()) : Optional.<OperationTable.Match>empty();
        if (match.isEmpty()) {
            exchange.fail(ApigException.noSuchApi());
            return;
        }
        exchange.operation = match.get().operation();
        exchange.span = tracing.start(request, exchange.operation.name());
        exchange.address = sourceAddresses.of(request);
        exchange.audited = audit.begin(match.get(), request, requestId, started, exchange.address);
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (exchange.done) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > config.maxBodyBytes()) {
                exchange.failAndClose(ApigException.tooLarge());
            }
        });
        request.exceptionHandler(failure -> {
            boolean answering = exchange.done;
            exchange.done = true;
            if (!exchange.read && !answering) {
                exchange.settle(); // the client went away before its call was read: nothing more will happen
            }
        });
        request.endHandler(v -> {
            exchange.read = true;
            if (exchange.closeWhenRead) {
                request.connection().close();
            } else if (!exchange.done) {
                if (exchange.audited != null) {
                    exchange.audited.bodyRead(body);
                }
                exchange.pathValues = match.get().pathValues();
                exchange.passwordLogin = isPasswordLogin(exchange, body);
                if (exchange.passwordLogin && exchange.audited != null) {
                    exchange.audited.passwordLogin();
                }
                if (!exchange.passwordLogin) {
                    authenticate(exchange, body);
                } else if (admissible(exchange, body)) {
                    limitLogin(exchange, body);
                }
            }
        });
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            exchange.failAndClose(ApigException.tooLarge());
        }
    }

    /**
     * A call that arrives while the gateway shuts down: refused before anything is done (so not recorded either), and
     * its connection closed once the call is read, so that the client sends its next call elsewhere or later.
     */
    private static void refuseWhileShuttingDown(HttpServerRequest request, String requestId) {
        Promise<Void> read = Promise.promise();
        if (request.isEnded()) {
            read.complete();
        } else {
            request.handler(chunk -> { });
            request.endHandler(v -> read.tryComplete());
            request.exceptionHandler(failure -> read.tryComplete());
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Future<Void> written = ErrorAnswer.of(ApigException.shuttingDown(), requestId).write(request.response(),
                requestId);
        Future.join(written, read.future()).onComplete(done -> request.connection().close());
        Vertx.currentContext().owner().setTimer(LINGER_MS, timer -> request.connection().close());
    }

    /** The input gate: clean text and well-formed JSON everywhere, else 400 naming the parameter. */
    private boolean admissible(Exchange exchange, Buffer body) {
        try {
            InputGate.check(exchange.operation.pathParameters(), exchange.pathValues, exchange.request.query(),
                    FORWARDED, FORWARDED.stream().map(exchange.request::getHeader).toList(), body);
            return true;
        } catch (BssException e) {
            exchange.fail(e);
            return false;
        }
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void authenticate(Exchange exchange, Buffer body) {
        Context context = Vertx.currentContext();
        credentialOf(exchange, body).onComplete(authenticated -> onContext(context, () -> {
            if (authenticated.failed()) {
                exchange.fail(authenticated.cause());
            } else {
                Credential credential = authenticated.result();
                if (exchange.audited != null) {
                    exchange.audited.authenticated(credential);
                }
                if (!exchange.passwordLogin && !admissible(exchange, body)) {
                    return;
                }
                refuseReplay(exchange, body, () -> {
                    if (exchange.passwordLogin) { // counted by its user name before authentication
                        authorize(exchange, credential, body);
                    } else {
                        limit(exchange, credential.domainId(), false,
                                () -> authorize(exchange, credential, body));
                    }
                });
            }
        }));
    }

    /**
     * A signed call whose signature was used before is a replay: refused where repeating the operation could act a
     * second time (the operation table's replay rule); views, and repeats that change nothing more, are served. A
     * password login's signature authenticates nothing, so it is not a replay either.
     */
    private void refuseReplay(Exchange exchange, Buffer body, Runnable firstUse) {
        String authorization = exchange.request.getHeader("Authorization");
        if (authorization == null || authorization.isEmpty() || exchange.passwordLogin
                || !replayMatters(exchange.operation.replay(), body)) {
            firstUse.run();
            return;
        }
        Context context = Vertx.currentContext();
        replays.firstUse(AuthorizationHeader.parse(authorization).signature(),
                        exchange.request.getHeader(SdkSignature.DATE_HEADER), clock.instant())
                .onComplete(checked -> onContext(context, () -> {
                    if (checked.succeeded() && !checked.result()) {
                        exchange.fail(ApigException.replayed());
                    } else {
                        firstUse.run();
                    }
                }));
    }

    private static boolean replayMatters(ReplayRule rule, Buffer body) {
        return switch (rule.kind()) {
            case NONE, ANSWERED -> false;
            case REFUSED -> true;
            case KEY -> !(jsonObject(body) instanceof JsonObject json && json.getValue(rule.key()) instanceof String key
                    && !key.isEmpty());
        };
    }

    private static JsonObject jsonObject(Buffer body) {
        try {
            return body.length() == 0 ? null : new JsonObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A token request whose body names the password method, signed or not (the official IAM SDK signs its password
     * logins with whatever key the client was built with): the password authenticates it and names the user, and
     * the signature, even a bad one, is not checked. An unsigned token request is one too, whatever its body names,
     * so that its errors are the password login's.
     */
    private static boolean isPasswordLogin(Exchange exchange, Buffer body) {
        return KeystoneTokens.isPasswordLogin(exchange.operation.name(), exchange.request.getHeader("Authorization"),
                body);
    }

    /**
     * Password guesses are counted before the (deliberately slow) password check: per client address and per user
     * name, whatever account fields the request names, so that neither one client nor many guessing one user can
     * keep the gateway hashing.
     */
    private void limitLogin(Exchange exchange, Buffer body) {
        String userName;
        try {
            userName = TokenRequest.parse(body, false).userName();
        } catch (BssException e) {
            exchange.fail(e);
            return;
        }
        limit(exchange, "login:" + userName.toLowerCase(Locale.ROOT), true, () -> authenticate(exchange, body));
    }

    /**
     * The per-API quotas of the client's address and of {@code account} (an account id, or a login's user). A
     * refusal is answered at once, or, with {@code holdRefusal} (password guesses), only once the quota admits again:
     * a guesser that does not wait then costs a timer, not the gateway's CPU, and makes its next guess no sooner.
     */
    private void limit(Exchange exchange, String account, boolean holdRefusal, Runnable admitted) {
        Context context = Vertx.currentContext();
        HttpServerRequest request = exchange.request;
        rateLimits.check(exchange.operation, exchange.address, account)
                .onComplete(checked -> onContext(context, () -> {
                    if (checked.failed()) {
                        exchange.fail(checked.cause());
                        return;
                    }
                    Verdict verdict = checked.result();
                    if (verdict != null) {
                        RateLimitHeaders.write(request.response(), verdict,
                                "debug".equalsIgnoreCase(request.getHeader("X-Apig-Mode")));
                        if (!verdict.admitted()) {
                            ApigException throttled = ApigException.throttled(RateLimitHeaders.refusal(verdict));
                            if (holdRefusal) {
                                context.owner().setTimer(Math.max(1, verdict.retryAfterMillis()),
                                        timer -> exchange.fail(throttled));
                            } else {
                                exchange.fail(throttled);
                            }
                            return;
                        }
                    }
                    admitted.run();
                }));
    }

    /**
     * A password login's user name and password (whatever signature it carries), else an AK/SK signature, else an
     * X-Auth-Token. A request that carries both a signature and a token is authenticated by its signature alone.
     */
    private Future<Credential> credentialOf(Exchange exchange, Buffer body) {
        HttpServerRequest request = exchange.request;
        if (exchange.passwordLogin) {
            try {
                return passwords.authenticate(TokenRequest.parse(body, false));
            } catch (BssException e) {
                return Future.failedFuture(e);
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isEmpty()) {
            return authenticator.authenticate(new VertxSignableRequest(request, body));
        }
        String token = request.getHeader("X-Auth-Token");
        if (token != null && !token.isEmpty()) {
            return tokenAuthenticator.authenticate(token);
        }
        return Future.failedFuture(ApigException.noCredentials());
    }

    /** The operation's caller rule, then (for an IAM user) its policies. */
    private void authorize(Exchange exchange, Credential credential, Buffer body) {
        Operation operation = exchange.operation;
        String refusal = CallerRules.refusal(operation, credential.caller());
        if (refusal != null) {
            exchange.fail(BssException.accessDenied(refusal));
            return;
        }
        Context context = Vertx.currentContext();
        policies.check(credential, operation,
                        () -> CloudServiceTypes.named(operation.serviceTypes(), exchange.request.params(), body))
                .onComplete(checked -> onContext(context, () -> {
                    if (checked.failed()) {
                        exchange.fail(checked.cause());
                        return;
                    }
                    PolicyCheck.Decision decision = checked.result();
                    switch (decision.verdict()) {
                        case ALLOWED -> perform(exchange, credential.caller(decision.serviceTypes()), credential,
                                body);
                        case NOT_ALLOWED -> exchange.fail(ApigException.notAllowed());
                        case OUTSIDE_SERVICE_TYPES -> exchange.fail(BssException.accessDenied("Access denied: the IAM "
                                + "user's policy (billing:cloudServiceType) does not cover the cloud service types of "
                                + "this call"));
                    }
                }));
    }

    /** A state-changing call is recorded before it is performed, and refused when that record cannot be written. */
    private void perform(Exchange exchange, CallerIdentity caller, Credential credential, Buffer body) {
        Context context = Vertx.currentContext();
        ApigException unrecorded = ApigException.auditUnavailable();
        audit.beforeForwarding(exchange.audited, unrecorded.status(), unrecorded.code())
                .onComplete(opened -> onContext(context, () -> {
                    if (opened.failed()) {
                        exchange.fail(unrecorded);
                    } else {
                        dispatch(exchange, caller, credential, body);
                    }
                }));
    }

    private void dispatch(Exchange exchange, CallerIdentity caller, Credential credential, Buffer body) {
        Operation operation = exchange.operation;
        if (operation.service().equals(GATEWAY)) {
            answerIam(exchange, credential, body);
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = exchange.request.getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        headers.set("Authorization", "Bearer " + tokens.tokenFor(caller, operation.service()));
        headers.set(RequestIds.HEADER, exchange.requestId);
        tracing.propagate(exchange.span, headers);
        // a view, or a change whose repeat changes nothing more, may be sent again when its connection breaks
        boolean repeatable = !replayMatters(operation.replay(), body);
        backends.forward(operation.service(), exchange.request.method(), exchange.request.uri(), headers, body,
                repeatable).onComplete(result -> {
                    if (result.failed()) {
                        exchange.fail(result.cause());
                    } else {
                        exchange.relay(result.result());
                    }
                });
    }

    /** The IAM operations the gateway answers itself: the caller's domain, and tokens. */
    private void answerIam(Exchange exchange, Credential credential, Buffer body) {
        if (exchange.operation.name().equals(KeystoneTokens.CREATE_TOKEN)) {
            Context context = Vertx.currentContext();
            keystone.issue(credential, body, !exchange.passwordLogin).onComplete(issued -> onContext(context, () -> {
                if (issued.failed()) {
                    exchange.fail(issued.cause());
                } else {
                    exchange.request.response().putHeader("X-Subject-Token", issued.result().token());
                    exchange.json(201, issued.result().body());
                }
            }));
            return;
        }
        exchange.json(200, KeystoneDomains.of(credential));
    }

    /** The request timer of an operation and status, registered once (with histogram buckets for percentiles). */
    private Timer timer(String operation, int status) {
        return timers.computeIfAbsent(operation + ' ' + status, key -> Timer.builder("bss.gateway.requests")
                .tag("operation", operation).tag("status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(metrics));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** One request on its way through the gateway. */
    private final class Exchange {

        final HttpServerRequest request;
        final String requestId;
        final long started;
        Operation operation;
        /** The client's address (rate limits, audit trail). */
        String address;
        AuditedCall audited;
        Span span;
        /** The raw values of the operation's path parameters. */
        List<String> pathValues;
        /** Whether this is a token request the password authenticates (signed or not). */
        boolean passwordLogin;
        boolean done;
        boolean closeWhenRead;
        /** Whether the whole call has been read: from then on every path ends in {@link #finish}. */
        boolean read;
        /** Whether {@link InFlightCalls} has been told that this call is over (answers may end on another thread). */
        private final AtomicBoolean settled = new AtomicBoolean();

        Exchange(HttpServerRequest request, String requestId, long started) {
            this.request = request;
            this.requestId = requestId;
            this.started = started;
        }

        /** Answers a failure: the gateway's own refusals as they are, anything unexpected as 502. */
        void fail(Throwable failure) {
            ErrorAnswer error = ErrorAnswer.of(failure, requestId);
            finish(error.status(), error::code, () -> error.write(request.response(), requestId));
        }

        /**
         * For a body the gateway will not read: answer, then close the connection once the client has sent its
         * request (at most {@link #LINGER_MS} later). Closing at once, while the client is still sending, resets the
         * connection, and the client may never read the answer.
         */
        void failAndClose(ApigException error) {
            finish(error.status(), error::code, () -> {
                ErrorAnswer.of(error, requestId).write(request.response(), requestId);
                closeWhenRead = true;
                Vertx.currentContext().owner().setTimer(LINGER_MS, timer -> request.connection().close());
            });
        }

        void json(int status, JsonObject body) {
            finish(status, () -> null, () -> GatewayResponses.json(request.response(), requestId, status, body));
        }

        /** The service's answer: audited even when the client has gone, sent when it is still there. */
        void relay(BackendClient.BackendResponse answer) {
            finish(answer.status(), () -> AuditedCall.errorCode(answer.status(), answer.body()), () -> {
                HttpServerResponse response = request.response();
                if (response.ended() || response.closed()) {
                    return;
                }
                answer.headers().forEach((name, value) -> {
                    if (!NOT_COPIED_BACK.contains(name.toLowerCase(Locale.ROOT))) {
                        response.headers().add(name, value);
                    }
                });
                response.putHeader(RequestIds.HEADER, requestId);
                response.setStatusCode(answer.status()).end(answer.body());
            });
        }

        /**
         * Every answer goes through here: counted, and for a state-changing call audited before it is sent; while the
         * gateway shuts down, it tells the client to close the connection.
         */
        private void finish(int status, Supplier<String> errorCode, Runnable send) {
            done = true;
            record(status);
            if (span != null) {
                GatewayTracing.end(span, status);
            }
            Runnable answer = () -> {
                try {
                    HttpServerResponse response = request.response();
                    if (calls.closing() && !response.headWritten()) {
                        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                    }
                    send.run();
                } finally {
                    settle();
                }
            };
            if (audited == null) {
                answer.run();
            } else {
                audit.answered(audited, status, errorCode.get()).onComplete(written -> answer.run());
            }
        }

        /** Tells {@link InFlightCalls} once that this call is over. */
        void settle() {
            if (settled.compareAndSet(false, true)) {
                calls.finished();
            }
        }

        void record(int status) {
            timer(operation == null ? "unknown" : operation.name(), status)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
