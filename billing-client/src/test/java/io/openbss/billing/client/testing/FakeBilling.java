package io.openbss.billing.client.testing;

import io.openbss.testing.InternalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for billing-service's internal API, for the tests of the services that call it (orders-service,
 * enterprise-service), where starting billing itself would be too heavy: it answers every call of the billing client
 * as billing does (the same contract, {@link BillingContract}, is checked against it and against billing-service), and
 * injects the faults those tests need on demand: an outage, an answer lost after the work was done, a refusal of the
 * caller's request as malformed, charges held until released.
 * It keeps billing's state in static maps, which the tests arrange and read: balances, postings once per idempotency
 * key, registrations and associations ({@link FakeLedger}), coupons ({@link FakeCoupons}) and prices
 * ({@link FakeRating}: 100.00 a month per resource with a 10% commercial discount; specs named "unknown..." are not
 * sold, and those named "sized..." need a size). The end-to-end tests run the real billing-service.
 */
public class FakeBilling implements QuarkusTestResourceLifecycleManager {

    public enum Mode { NORMAL, DOWN, LOSE_ANSWER, MALFORMED }

    public static final BigDecimal MONTHLY_PRICE = FakeRating.MONTHLY_PRICE;
    public static final String DISCOUNT_ID = FakeRating.DISCOUNT_ID;
    /** customer → balance type (BALANCE_TYPE_DEBIT, BALANCE_TYPE_CREDIT) → balance */
    public static final Map<String, Map<String, BigDecimal>> BALANCES = new ConcurrentHashMap<>();
    /** idempotency key → the first answer of a charge, refund or transfer (of coupons: "coupon-transfer:key"...) */
    public static final Map<String, JsonObject> POSTED = new ConcurrentHashMap<>();
    /** idempotency key → how many times money moved under it */
    public static final Map<String, AtomicInteger> MOVES = new ConcurrentHashMap<>();
    /** idempotency key → the request of the charge or refund */
    public static final Map<String, JsonObject> REQUESTS = new ConcurrentHashMap<>();
    /** customers registered with billing: id → name */
    public static final Map<String, String> REGISTERED = new ConcurrentHashMap<>();
    /** sub-account → its association with its master, as sent */
    public static final Map<String, JsonObject> ASSOCIATIONS = new ConcurrentHashMap<>();

    /** The properties the callers of billing sign their calls with: this run's key, which the fake trusts. */
    private static final String[] CALLER_KEYS = {"bss.orders.internal-token.private-key",
            "bss.enterprise.internal-token.private-key"};
    private static final String CHARGES = "/internal/v1/ledger/charges";
    private static final AtomicInteger FAULTS_LEFT = new AtomicInteger();
    private static volatile Mode mode = Mode.NORMAL;
    /** While set, charges wait for it to complete; {@link #chargeArrived} completes when the first one comes. */
    private static volatile CompletableFuture<Void> chargeRelease;
    private static volatile CompletableFuture<Void> chargeArrived;

    private Vertx vertx;

    /** The next {@code times} calls fail in {@code faultMode}; then calls answer normally again. */
    public static void fail(Mode faultMode, int times) {
        FAULTS_LEFT.set(times);
        mode = faultMode;
    }

    public static void recover() {
        mode = Mode.NORMAL;
        FAULTS_LEFT.set(0);
        releaseCharges();
    }

    /** Charges wait until {@link #releaseCharges()}; the answer completes when the first charge has arrived. */
    public static CompletableFuture<Void> holdCharges() {
        chargeArrived = new CompletableFuture<>();
        chargeRelease = new CompletableFuture<>();
        return chargeArrived;
    }

    public static void releaseCharges() {
        CompletableFuture<Void> release = chargeRelease;
        chargeRelease = null;
        if (release != null) {
            release.complete(null);
        }
    }

    /** The customer (registered if it was not) holds this much cash. */
    public static void fund(String customer, String cash) {
        fund(customer, FakeLedger.CASH, cash);
    }

    /** The customer (registered if it was not) holds this much of a balance type: cash, or available credit. */
    public static void fund(String customer, String balanceType, String amount) {
        REGISTERED.putIfAbsent(customer, customer);
        BALANCES.computeIfAbsent(customer, c -> new ConcurrentHashMap<>()).put(balanceType, new BigDecimal(amount));
    }

    /** Grants credit: the limit, all of it available. */
    public static void grantCredit(String customer, String limit) {
        fund(customer, FakeLedger.CREDIT, limit);
        FakeLedger.CREDIT_LIMITS.put(customer, new BigDecimal(limit));
    }

    public static BigDecimal cash(String customer) {
        return balance(customer, FakeLedger.CASH);
    }

    public static BigDecimal balance(String customer, String balanceType) {
        return BALANCES.getOrDefault(customer, Map.of()).getOrDefault(balanceType, BigDecimal.ZERO.setScale(2));
    }

    /** How many times money moved under this idempotency key. */
    public static int moves(String key) {
        AtomicInteger count = MOVES.get(key);
        return count == null ? 0 : count.get();
    }

    /** Charges (and refunds) made under keys starting with this prefix (e.g. "order:CS...:"). */
    public static int charges(String keyPrefix) {
        return MOVES.entrySet().stream().filter(e -> e.getKey().startsWith(keyPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** A cash coupon of the payer, which pays from its balance. */
    public static void giveCashCoupon(String payer, String couponId, String balance) {
        FakeCoupons.give(payer, FakeCoupons.Coupon.cash(couponId, payer, new BigDecimal(balance)));
    }

    /** A discount coupon: a line pays {@code rate} of its amount (0.90 takes 10% off). */
    public static void giveDiscountCoupon(String payer, String couponId, String rate) {
        FakeCoupons.give(payer, FakeCoupons.Coupon.discount(couponId, payer, new BigDecimal(rate)));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject json = body.length() == 0 ? null : body.toJsonObject();
            CompletableFuture<Void> release = chargeRelease;
            if (release != null && request.path().equals(CHARGES)) {
                io.vertx.core.Context context = Vertx.currentContext();
                chargeArrived.complete(null);
                release.thenRun(() -> context.runOnContext(ignored -> answer(request, json)));
            } else {
                answer(request, json);
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake billing did not start", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.billing.url", "http://127.0.0.1:" + server.actualPort());
        for (String key : CALLER_KEYS) {
            config.put(key, InternalKeys.privateKeyPem());
        }
        return config;
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private static void answer(HttpServerRequest request, JsonObject body) {
        try {
            handle(request, body);
        } catch (RuntimeException e) {
            request.response().setStatusCode(500).end(e.toString());
        }
    }

    private static void handle(HttpServerRequest request, JsonObject body) {
        if (!fromAService(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).end();
            return;
        }
        boolean faulty = mode != Mode.NORMAL && FAULTS_LEFT.getAndDecrement() > 0;
        if (faulty && mode == Mode.DOWN) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (faulty && mode == Mode.MALFORMED) {
            json(request.response().setStatusCode(400), FakeLedger.refusal("CBC.0100",
                    "Invalid parameter idempotency_key: is required"));
            return;
        }
        JsonObject answer = route(request, body);
        if (answer == null) {
            request.response().setStatusCode(404).end();
        } else if (faulty && mode == Mode.LOSE_ANSWER) {
            request.response().setStatusCode(503).end();
        } else if (answer.containsKey("error_code")) {
            json(request.response().setStatusCode(400), answer);
        } else {
            json(request.response(), answer);
        }
    }

    /** billing's answer to a call of its internal API; null for a path it does not have. */
    private static JsonObject route(HttpServerRequest request, JsonObject body) {
        String path = request.path();
        String[] parts = path.split("/");
        String id = parts.length > 4 ? parts[4] : null;
        return switch (request.method().name() + " " + path.replaceAll(
                "^/internal/v1/(customers|coupons)/(?!applicable$)[^/]+", "/internal/v1/$1/{id}")) {
            case "POST /internal/v1/ratings/period" -> FakeRating.rate(body);
            case "POST " + CHARGES -> FakeLedger.move(body, true);
            case "POST /internal/v1/ledger/refunds" -> FakeLedger.move(body, false);
            case "POST /internal/v1/ledger/transfers" -> FakeLedger.transfer(body);
            case "POST /internal/v1/coupons/applicable" -> FakeCoupons.applicable(body);
            case "GET /internal/v1/customers/{id}/funds" -> FakeLedger.funds(id);
            case "PUT /internal/v1/customers/{id}" -> FakeLedger.register(id, body);
            case "PUT /internal/v1/customers/{id}/association" -> FakeLedger.associate(id, body);
            case "GET /internal/v1/customers/{id}/transferable-coupons" -> FakeCoupons.transferable(id,
                    page(request));
            case "GET /internal/v1/customers/{id}/received-coupons" -> FakeCoupons.received(id,
                    request.getParam("from_customer_id"), page(request));
            case "POST /internal/v1/coupons/{id}/transfers" -> FakeCoupons.transfer(id, body);
            case "POST /internal/v1/coupons/{id}/reclaims" -> FakeCoupons.reclaim(id, body);
            default -> null;
        };
    }

    private static int[] page(HttpServerRequest request) {
        return new int[] {Integer.parseInt(request.getParam("offset", "0")),
                Integer.parseInt(request.getParam("limit", "10"))};
    }

    private static void json(HttpServerResponse response, JsonObject answer) {
        response.putHeader("Content-Type", "application/json").end(answer.encode());
    }

    /** A service's internal token for billing-service, as billing requires of its internal API. */
    private static boolean fromAService(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(
                authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.getString("sub", "").endsWith("-service") && claims.getValue("aud").toString()
                .contains("billing-service") && String.valueOf(claims.getValue("groups")).contains("service");
    }
}
