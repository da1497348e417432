package io.openbss.gateway.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openbss.common.request.RequestIds;
import io.openbss.common.upstream.UpstreamApi;
import io.openbss.gateway.audit.AuditedCall;
import io.openbss.gateway.errors.ErrorAnswer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every answer goes through here: timed ({@code bss.gateway.requests}), its span ended, its audit record written
 * before it is sent ({@link Recording}), sent with {@code X-Request-Id} (and {@code Connection: close} while the
 * gateway shuts down), and then the call counted out of {@link InFlightCalls}.
 */
@Singleton
class Answers {

    /** Compared ignoring case, without lower-casing each name of each answer. */
    private static final Set<String> NOT_COPIED_BACK = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        NOT_COPIED_BACK.addAll(List.of("content-length", "transfer-encoding", "connection", "keep-alive",
                "x-request-id", "x-upstream-request-id"));
    }

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry metrics;

    @Inject
    Recording recording;

    @Inject
    InFlightCalls calls;

    @Inject
    BodyBudget bodies;

    /** The end of the pipeline: the reply of a performed call, or the answer to the failure that stopped it. */
    void send(PublicCall call, AsyncResult<Reply> outcome) {
        if (outcome.succeeded()) {
            relay(call, outcome.result());
        } else {
            fail(call, outcome.cause());
        }
    }

    /** Completes once the answer is sent (or the client has gone). */
    Future<Void> fail(PublicCall call, Throwable failure) {
        ErrorAnswer error = ErrorAnswer.of(failure, call.requestId);
        return finish(call, error.status(), error::code, () -> error.write(call.request.response(), call.requestId));
    }

    /** A reply is audited even when the client has gone, and sent when it is still there. */
    private void relay(PublicCall call, Reply reply) {
        call.upstreamRequestId = reply.headers().get(UpstreamApi.UPSTREAM_REQUEST_ID);
        finish(call, reply.status(), () -> AuditedCall.errorCode(reply.status(), reply.body()), () -> {
            HttpServerResponse response = call.request.response();
            if (response.ended() || response.closed()) {
                return;
            }
            reply.headers().forEach((name, value) -> {
                if (!NOT_COPIED_BACK.contains(name)) {
                    response.headers().add(name, value);
                }
            });
            response.putHeader(RequestIds.HEADER, call.requestId);
            response.setStatusCode(reply.status()).end(reply.body());
        });
    }

    private Future<Void> finish(PublicCall call, int status, Supplier<String> errorCode, Runnable send) {
        timer(call.route == null ? "unknown" : call.operation().name(), status)
                .record(System.nanoTime() - call.started, TimeUnit.NANOSECONDS);
        if (call.span != null) {
            GatewayTracing.end(call.span, status);
        }
        Promise<Void> sent = Promise.promise();
        recording.answered(call, status, errorCode).onComplete(written -> {
            try {
                HttpServerResponse response = call.request.response();
                if (calls.closing() && !response.headWritten()) {
                    response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                }
                send.run();
            } finally {
                settle(call);
                sent.complete();
            }
        });
        return sent.future();
    }

    /** Tells {@link InFlightCalls} and the {@link BodyBudget} once that the call is over. */
    void settle(PublicCall call) {
        if (call.settled.compareAndSet(false, true)) {
            bodies.release(call);
            calls.finished();
        }
    }

    /** The request timer of an operation and status, registered once (with histogram buckets for percentiles). */
    private Timer timer(String operation, int status) {
        return timers.computeIfAbsent(operation + ' ' + status, key -> Timer.builder("bss.gateway.requests")
                .tag("operation", operation).tag("status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(metrics));
    }
}
