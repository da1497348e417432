package io.openbss.orders;

import io.openbss.testing.InternalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for billing-service's internal API, for orders-service's own tests: a price list (100.00 a month per
 * resource, with a 10% commercial discount offered; specs named "unknown..." are not sold, and those named "sized..."
 * need a size, as billing's linear products do), the payer's coupons that apply to an order (as they were given, with
 * billing's limits per payment), charges and refunds kept once per idempotency key with the ledger's refusal of what
 * the payer cannot cover, and faults on demand (an outage, an answer lost after the charge, a refusal of
 * orders-service's request as malformed, charges held until released). A charge spends the coupons it names as the
 * ledger does: discount coupons take their rate off the lines, then cash coupons pay, then cash.
 * The end-to-end tests run the real billing-service.
 */
public class FakeBilling implements QuarkusTestResourceLifecycleManager {

    public enum Mode { NORMAL, DOWN, LOSE_ANSWER, MALFORMED }

    public static final BigDecimal MONTHLY_PRICE = new BigDecimal("100.00");
    public static final String DISCOUNT_ID = "commercial-10";
    /** The catalog's Chinese names of the resource types the tests buy; others are named after their code. */
    public static final Map<String, String> RESOURCE_TYPE_NAMES = Map.of("hws.resource.type.vm", "云主机",
            "hws.resource.type.volume", "云硬盘");
    /** payer → cash */
    public static final Map<String, BigDecimal> CASH = new ConcurrentHashMap<>();
    /** idempotency key → the first answer */
    public static final Map<String, JsonObject> POSTED = new ConcurrentHashMap<>();
    /** idempotency key → charges made under it */
    public static final Map<String, AtomicInteger> CHARGES = new ConcurrentHashMap<>();
    /** idempotency key → the request of the charge or refund */
    public static final Map<String, JsonObject> REQUESTS = new ConcurrentHashMap<>();
    /** payer → its coupons, in the order billing lists them */
    private static final Map<String, List<Coupon>> COUPONS = new ConcurrentHashMap<>();
    /** billing's coupon_max_use_quantity: three cash coupons, one discount coupon per payment */
    private static final JsonArray MAX_USE = new JsonArray()
            .add(new JsonObject().put("coupon_type", 1).put("coupon_group", 0).put("use_quantity_value", 3))
            .add(new JsonObject().put("coupon_type", 2).put("coupon_group", 0).put("use_quantity_value", 1));
    private static volatile Mode mode = Mode.NORMAL;
    private static final AtomicInteger FAULTS_LEFT = new AtomicInteger();
    /** While set, charges wait for it to complete; {@link #chargeArrived} completes when the first one comes. */
    private static volatile CompletableFuture<Void> chargeRelease;
    private static volatile CompletableFuture<Void> chargeArrived;

    private Vertx vertx;

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

    public static void fund(String payer, String amount) {
        CASH.put(payer, new BigDecimal(amount));
    }

    public static BigDecimal cash(String payer) {
        return CASH.getOrDefault(payer, BigDecimal.ZERO.setScale(2));
    }

    /** A coupon of a payer: a cash coupon (type 1) pays from its balance, a discount coupon (2) leaves {@code rate}. */
    private static final class Coupon {
        final String id;
        final int type;
        final BigDecimal rate;
        BigDecimal balance;
        boolean used;

        Coupon(String id, int type, BigDecimal balance, BigDecimal rate) {
            this.id = id;
            this.type = type;
            this.balance = balance;
            this.rate = rate;
        }

        boolean usable() {
            return type == 1 ? balance.signum() > 0 : !used;
        }

        JsonObject info() {
            return new JsonObject().put("coupon_id", id).put("coupon_type", type).put("status", 2)
                    .put("face_value", type == 1 ? balance : BigDecimal.ZERO).put("balance", type == 1 ? balance : null);
        }
    }

    public static void giveCashCoupon(String payer, String couponId, String balance) {
        COUPONS.computeIfAbsent(payer, k -> new CopyOnWriteArrayList<>())
                .add(new Coupon(couponId, 1, new BigDecimal(balance), null));
    }

    /** A discount coupon: a line pays {@code rate} of its amount (0.90 takes 10% off). */
    public static void giveDiscountCoupon(String payer, String couponId, String rate) {
        COUPONS.computeIfAbsent(payer, k -> new CopyOnWriteArrayList<>())
                .add(new Coupon(couponId, 2, null, new BigDecimal(rate)));
    }

    /** Charges made under keys starting with this prefix (e.g. "order:CS...:"). */
    public static int charges(String keyPrefix) {
        return CHARGES.entrySet().stream().filter(e -> e.getKey().startsWith(keyPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject json = body.length() == 0 ? null : body.toJsonObject();
            CompletableFuture<Void> release = chargeRelease;
            if (release != null && request.path().equals("/internal/v1/ledger/charges")) {
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
        return Map.of("quarkus.rest-client.billing.url", "http://127.0.0.1:" + server.actualPort(),
                "bss.orders.internal-token.private-key", InternalKeys.privateKeyPem());
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
        if (!fromOrdersService(request.getHeader("Authorization"))) {
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
        JsonObject answer = switch (request.path()) {
            case "/internal/v1/ratings/period" -> rate(body);
            case "/internal/v1/ledger/charges" -> move(body, true);
            case "/internal/v1/ledger/refunds" -> move(body, false);
            case "/internal/v1/coupons/applicable" -> applicable(body);
            default -> null;
        };
        if (answer == null) {
            request.response().setStatusCode(404).end();
        } else if (faulty && mode == Mode.LOSE_ANSWER) {
            request.response().setStatusCode(503).end();
        } else if (answer.containsKey("error_code")) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(answer.encode());
        } else {
            request.response().putHeader("Content-Type", "application/json").end(answer.encode());
        }
    }

    private static JsonObject rate(JsonObject body) {
        JsonArray items = new JsonArray();
        for (Object product : body.getJsonArray("product_infos")) {
            JsonObject p = (JsonObject) product;
            if (p.getString("resource_spec").startsWith("unknown")) {
                return new JsonObject().put("error_code", "CBC.99006006").put("error_msg", "No such product");
            }
            if (p.getString("resource_spec").startsWith("sized") && p.getInteger("resource_size") == null) {
                return new JsonObject().put("error_code", "CBC.0100").put("error_msg", "Invalid parameter "
                        + "product_infos[" + items.size() + "].resource_size: is required for "
                        + p.getString("resource_spec"));
            }
            int months = p.getInteger("period_type") == 3 ? 12 * p.getInteger("period_num") : p.getInteger("period_num");
            BigDecimal official = MONTHLY_PRICE.multiply(BigDecimal.valueOf((long) months * p.getInteger("subscription_num")));
            BigDecimal discount = official.divide(BigDecimal.TEN).setScale(2);
            items.add(new JsonObject().put("id", p.getString("id")).put("product_id", "P-" + p.getString("resource_spec"))
                    .put("spec_desc_zh", p.getString("resource_spec")).put("max_period_months", 36)
                    .put("resource_type_name", RESOURCE_TYPE_NAMES.getOrDefault(p.getString("resource_type"),
                            "资源类型 " + p.getString("resource_type")))
                    .put("official_amount", official).put("discount_amount", discount)
                    .put("amount", official.subtract(discount))
                    .put("discounts", new JsonArray().add(new JsonObject().put("discount_id", DISCOUNT_ID)
                            .put("discount_type", 605).put("discount_name", "Commercial 10%")
                            .put("discount_amount", discount))));
        }
        return new JsonObject().put("items", items);
    }

    /** The payer's usable coupons, whose coupons pay as in billing: the payer's when one is given. */
    private static JsonObject applicable(JsonObject body) {
        if (body.getJsonArray("service_type_codes").isEmpty()) {
            return new JsonObject().put("error_code", "CBC.0100").put("error_msg",
                    "Invalid parameter service_type_codes: must hold 1 to 20 service type codes");
        }
        JsonArray coupons = new JsonArray();
        COUPONS.getOrDefault(payer(body), List.of()).stream().filter(Coupon::usable)
                .forEach(coupon -> coupons.add(coupon.info()));
        return new JsonObject().put("count", coupons.size()).put("user_coupons", coupons)
                .put("coupon_max_use_quantity", MAX_USE.copy());
    }

    /** A charge (or refund) once per key; a charge the payer cannot cover is refused and moves nothing. */
    private static synchronized JsonObject move(JsonObject body, boolean charge) {
        String key = body.getString("idempotency_key");
        JsonObject first = POSTED.get(key);
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        String payer = payer(body);
        List<Coupon> named = new ArrayList<>();
        for (Object id : charge ? body.getJsonArray("coupon_ids", new JsonArray()) : new JsonArray()) {
            Coupon coupon = COUPONS.getOrDefault(payer, List.of()).stream()
                    .filter(c -> c.id.equals(id) && c.usable()).findFirst().orElse(null);
            if (coupon == null) {
                return new JsonObject().put("error_code", "CBC.0100").put("error_msg", "Coupon " + id
                        + " cannot be used");
            }
            named.add(coupon);
        }
        BigDecimal amount = BigDecimal.ZERO;
        List<BigDecimal> dues = new ArrayList<>();
        for (Object line : body.getJsonArray("lines")) {
            BigDecimal due = new BigDecimal(((JsonObject) line).getValue("amount").toString());
            for (Coupon coupon : named) {
                if (coupon.type == 2) {
                    due = due.multiply(coupon.rate).setScale(2, RoundingMode.HALF_UP);
                }
            }
            dues.add(due);
            amount = amount.add(due);
        }
        BigDecimal byCoupons = BigDecimal.ZERO;
        for (Coupon coupon : named) {
            if (coupon.type == 1) {
                byCoupons = byCoupons.add(coupon.balance.min(amount.subtract(byCoupons)));
            }
        }
        BigDecimal byCash = amount.subtract(byCoupons);
        if (charge && cash(payer).compareTo(byCash) < 0) {
            return new JsonObject().put("error_code", "CBC.99005003").put("error_msg", "Insufficient balance");
        }
        BigDecimal left = byCoupons;
        for (Coupon coupon : named) {
            if (coupon.type == 1) {
                BigDecimal take = coupon.balance.min(left);
                coupon.balance = coupon.balance.subtract(take);
                left = left.subtract(take);
            } else {
                coupon.used = true;
            }
        }
        CASH.put(payer, cash(payer).subtract(byCash));
        CHARGES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        REQUESTS.put(key, body);
        // like the ledger: a charge answers what each kind of account paid, a refund what each got back, in all and
        // per line (cash coupons pay the lines in order, cash the rest)
        JsonArray lines = new JsonArray();
        BigDecimal couponsLeft = byCoupons;
        for (BigDecimal due : dues) {
            BigDecimal coupon = due.signum() > 0 ? couponsLeft.min(due) : BigDecimal.ZERO;
            couponsLeft = couponsLeft.subtract(coupon);
            lines.add(new JsonObject().put("cash_amount", due.subtract(coupon).abs()).put("credit_amount", BigDecimal.ZERO)
                    .put("coupon_amount", coupon).put("stored_card_amount", BigDecimal.ZERO)
                    .put("debt_amount", BigDecimal.ZERO));
        }
        JsonObject posted = new JsonObject().put("entry_id", POSTED.size() + 1).put("replayed", false)
                .put("amount", amount.abs()).put("coupon_amount", byCoupons).put("stored_card_amount", BigDecimal.ZERO)
                .put("cash_amount", byCash.abs()).put("credit_amount", BigDecimal.ZERO).put("lines", lines);
        POSTED.put(key, posted);
        return posted;
    }

    private static String payer(JsonObject body) {
        return body.getString("payer_customer_id") != null ? body.getString("payer_customer_id")
                : body.getString("customer_id");
    }


    private static boolean fromOrdersService(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(
                authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.getString("sub").equals("orders-service") && claims.getValue("aud").toString()
                .contains("billing-service");
    }
}
