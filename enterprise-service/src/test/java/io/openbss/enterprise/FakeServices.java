package io.openbss.enterprise;

import io.openbss.testing.InternalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for billing-service's internal API and the gateway's internal IAM API, for enterprise-service's own
 * tests: balances, transfers and accounts with idempotency keys as the real services keep them, and faults on demand
 * (an outage, an answer lost after the work was done, a refusal of enterprise-service's request as malformed). The
 * end-to-end tests run the real services.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public enum Mode { NORMAL, DOWN, LOSE_ANSWER, MALFORMED }

    /** customer → balance type → balance */
    public static final Map<String, Map<String, BigDecimal>> BALANCES = new ConcurrentHashMap<>();
    /** idempotency key → the first answer */
    public static final Map<String, JsonObject> POSTED = new ConcurrentHashMap<>();
    /** idempotency key → how many times money moved under it */
    public static final Map<String, AtomicInteger> MOVES = new ConcurrentHashMap<>();
    public static final Map<String, JsonObject> ASSOCIATIONS = new ConcurrentHashMap<>();
    /** customers registered with billing: id → name */
    public static final Map<String, String> REGISTERED = new ConcurrentHashMap<>();
    /** accounts made by the IAM: idempotency key → account */
    public static final Map<String, JsonObject> DOMAINS = new ConcurrentHashMap<>();
    private static volatile Mode mode = Mode.NORMAL;
    private static final AtomicInteger FAULTS_LEFT = new AtomicInteger();

    private Vertx vertx;
    private HttpServer server;

    /** The next {@code times} calls fail in {@code faultMode}; then calls answer normally again. */
    public static void fail(Mode faultMode, int times) {
        FAULTS_LEFT.set(times);
        mode = faultMode;
    }

    public static void recover() {
        mode = Mode.NORMAL;
        FAULTS_LEFT.set(0);
    }

    public static void fund(String customer, String type, String amount) {
        BALANCES.computeIfAbsent(customer, c -> new ConcurrentHashMap<>()).put(type, new BigDecimal(amount));
    }

    public static BigDecimal balance(String customer, String type) {
        return BALANCES.getOrDefault(customer, Map.of()).getOrDefault(type, BigDecimal.ZERO.setScale(2));
    }

    public static int moves(String key) {
        AtomicInteger count = MOVES.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                handle(request, body.length() == 0 ? null : body.toJsonObject());
            } catch (RuntimeException e) {
                request.response().setStatusCode(500).end(e.toString());
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake billing did not start", e);
        }
        return Map.of("quarkus.rest-client.billing.url", "http://127.0.0.1:" + server.actualPort(),
                "quarkus.rest-client.gateway.url", "http://127.0.0.1:" + server.actualPort(),
                "bss.enterprise.internal-token.private-key", InternalKeys.privateKeyPem());
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private static void handle(HttpServerRequest request, JsonObject body) {
        String audience = request.path().equals("/internal/v1/domains") ? "gateway" : "billing-service";
        if (!fromEnterpriseService(request.getHeader("Authorization"), audience)) {
            request.response().setStatusCode(401).end();
            return;
        }
        boolean faulty = mode != Mode.NORMAL && FAULTS_LEFT.getAndDecrement() > 0;
        if (faulty && mode == Mode.DOWN) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (faulty && mode == Mode.MALFORMED) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("error_code", "CBC.0100").put("error_msg", "Invalid parameter idempotency_key: is required")
                    .encode());
            return;
        }
        String path = request.path();
        JsonObject answer;
        if (path.equals("/internal/v1/ledger/transfers")) {
            answer = transfer(body);
        } else if (path.equals("/internal/v1/domains")) {
            answer = domain(body);
        } else if (path.matches("/internal/v1/customers/[^/]+")) {
            REGISTERED.put(path.split("/")[4], body.getString("customer_name"));
            answer = body;
        } else if (path.endsWith("/association")) {
            ASSOCIATIONS.put(path.split("/")[4], body);
            answer = body;
        } else if (path.endsWith("/funds")) {
            String customer = path.split("/")[4];
            answer = new JsonObject().put("customer_id", customer).put("currency", "CNY")
                    .put("cash", new JsonObject().put("balance", balance(customer, "BALANCE_TYPE_DEBIT")));
            if (BALANCES.getOrDefault(customer, Map.of()).containsKey("BALANCE_TYPE_CREDIT")) {
                answer.put("credit", new JsonObject().put("available", balance(customer, "BALANCE_TYPE_CREDIT"))
                        .put("credit_limit", new BigDecimal("1000.00")));
            }
        } else {
            request.response().setStatusCode(404).end();
            return;
        }
        if (faulty && mode == Mode.LOSE_ANSWER) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (answer.containsKey("error_code")) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(answer.encode());
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }

    /** Makes an account once per idempotency key; a replay needs no password. Names starting "taken" exist. */
    private static synchronized JsonObject domain(JsonObject body) {
        JsonObject first = DOMAINS.get(body.getString("idempotency_key"));
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        if (body.getString("password") == null) {
            return new JsonObject().put("error_code", "CBC.0100").put("error_msg", "Invalid parameter password");
        }
        if (body.getString("name").startsWith("taken")) {
            return new JsonObject().put("error_code", "CBC.99000031").put("error_msg", "Invalid DomainName");
        }
        JsonObject account = new JsonObject().put("domain_id", "d" + UUID.randomUUID().toString().replace("-", ""))
                .put("name", body.getString("name"));
        DOMAINS.put(body.getString("idempotency_key"), account);
        return account;
    }

    /** Moves money once per idempotency key, refusing what the sender cannot cover, as the ledger does. */
    private static synchronized JsonObject transfer(JsonObject body) {
        String key = body.getString("idempotency_key");
        JsonObject first = POSTED.get(key);
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        String type = body.getString("balance_type");
        BigDecimal amount = new BigDecimal(body.getValue("amount").toString());
        String from = body.getString("from_customer_id");
        String to = body.getString("to_customer_id");
        if (balance(from, type).compareTo(amount) < 0) {
            return new JsonObject().put("error_code", "CBC.99005003").put("error_msg", "Insufficient balance");
        }
        fund(from, type, balance(from, type).subtract(amount).toPlainString());
        fund(to, type, balance(to, type).add(amount).toPlainString());
        MOVES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        JsonObject posted = new JsonObject().put("entry_id", POSTED.size() + 1).put("replayed", false);
        POSTED.put(key, posted);
        return posted;
    }

    private static boolean fromEnterpriseService(String authorization, String audience) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        return claims.getString("sub").equals("enterprise-service")
                && claims.getValue("aud").toString().contains(audience);
    }
}
