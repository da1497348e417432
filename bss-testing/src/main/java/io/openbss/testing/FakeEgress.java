package io.openbss.testing;

import io.openbss.common.upstream.UpstreamApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the gateway's egress ({@code /internal/upstream/...}) and the upstream behind it, for the services'
 * side of upstream mode: it records what it is sent and answers as told. A POST naming a {@code trans_id} or an
 * {@code order_id} moves money once per key, as the upstream does, and is answered with its first answer again;
 * an answer can be lost after the work was done (the connection is closed), the way a timeout loses it.
 */
public class FakeEgress implements QuarkusTestResourceLifecycleManager {

    /** One request the egress received. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** money moved: idempotency key → how many times */
    public static final Map<String, AtomicInteger> MOVES = new ConcurrentHashMap<>();
    private static final Map<String, String> FIRST_ANSWERS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOSE = new AtomicInteger();
    private static final AtomicInteger FAIL = new AtomicInteger();
    private static final AtomicInteger REFUSE = new AtomicInteger();
    private static final AtomicInteger HOLD_BACK = new AtomicInteger();
    private static volatile String refusal = "CBC.99005003";
    private static volatile int failStatus = 503;
    private static volatile int status = 200;
    private static volatile String answer = "{\"total_count\":0}";

    private Vertx vertx;

    /** Every request answers this from now on (the transfers excepted). */
    public static void answer(int code, String body) {
        status = code;
        answer = body;
    }

    /** The next {@code n} requests are done, but their answers are lost: the connection is closed instead. */
    public static void loseAnswers(int n) {
        LOSE.set(n);
    }

    /** The next {@code n} requests, keyed or not, are answered {@code code} with the egress's error body. */
    public static void fail(int code, int n) {
        failStatus = code;
        FAIL.set(n);
    }

    /** The next {@code n} requests are held back by the egress's keeping of the upstream's quota: 429, unsent. */
    public static void holdBack(int n) {
        HOLD_BACK.set(n);
    }

    /** The next {@code n} keyed requests are refused (400 with {@code errorCode}) and move nothing. */
    public static void refuse(int n, String errorCode) {
        refusal = errorCode;
        REFUSE.set(n);
    }

    public static void reset() {
        REFUSE.set(0);
        HOLD_BACK.set(0);
        RECEIVED.clear();
        LOSE.set(0);
        FAIL.set(0);
        answer(200, "{\"total_count\":0}");
    }

    public static long received(String pathPart) {
        return RECEIVED.stream().filter(r -> r.uri().contains(pathPart)).count();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body ->
                handle(request, body.toString(StandardCharsets.UTF_8))));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake egress did not start", e);
        }
        // each service signs its calls to the egress with the test run's key
        return Map.of("bss.upstream.url", "http://127.0.0.1:" + server.actualPort(),
                "bss.orders.internal-token.private-key", InternalKeys.privateKeyPem(),
                "bss.billing.internal-token.private-key", InternalKeys.privateKeyPem(),
                "bss.enterprise.internal-token.private-key", InternalKeys.privateKeyPem());
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private static String key(HttpServerRequest request, String body) {
        if (!request.method().name().equals("POST") || body.isEmpty() || !body.startsWith("{")) {
            return null;
        }
        JsonObject json = new JsonObject(body);
        return json.getString("trans_id", json.getString("order_id"));
    }

    private static void handle(HttpServerRequest request, String body) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        RECEIVED.add(new Received(request.method().name(), request.uri(), headers, body));
        if (HOLD_BACK.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            request.response().setStatusCode(429).putHeader("Content-Type", "application/json;charset=UTF-8")
                    .putHeader(UpstreamApi.HELD_BACK, "true").end("{\"error_code\":\"APIG.0308\",\"error_msg\":"
                            + "\"The throttling threshold has been reached: policy upstream over ratelimit\"}");
            return;
        }
        String reply;
        int code;
        String key = key(request, body);
        if (FAIL.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            code = failStatus;
            reply = switch (failStatus) {
                case 429 -> "{\"error_code\":\"APIG.0308\",\"error_msg\":\"The throttling threshold has been "
                        + "reached\"}";
                case 409 -> "{\"error_code\":\"CBC.0101\",\"error_msg\":\"Account is not linked\"}";
                default -> "{\"error_code\":\"APIG.0201\",\"error_msg\":\"Backend unavailable\",\"request_id\":\"r\"}";
            };
        } else if (key != null && REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            code = 400;
            reply = new JsonObject().put("error_code", refusal).put("error_msg", "refused").encode();
        } else if (key != null) {
            reply = FIRST_ANSWERS.computeIfAbsent(key, id -> {
                MOVES.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                return "{}";
            });
            code = 200;
        } else {
            code = status;
            reply = answer;
        }
        if (LOSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            request.connection().close();
            return;
        }
        request.response().setStatusCode(code).putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("X-Upstream-Request-Id", "up-" + RECEIVED.size()).end(reply);
    }
}
