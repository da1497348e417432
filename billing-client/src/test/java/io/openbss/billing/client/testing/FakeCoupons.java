package io.openbss.billing.client.testing;

import static io.openbss.billing.client.testing.FakeBilling.POSTED;
import static io.openbss.billing.client.testing.FakeBilling.REGISTERED;
import static io.openbss.billing.client.testing.FakeLedger.refusal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The fake's coupons: the payer's coupons that apply to an order (as they were given, with billing's limits per
 * payment), and cash coupons split to another customer and taken back, once per idempotency key.
 */
final class FakeCoupons {

    /** holder → its coupons, in the order billing lists them */
    private static final Map<String, List<Coupon>> COUPONS = new ConcurrentHashMap<>();
    /** billing's coupon_max_use_quantity: three cash coupons, one discount coupon per payment */
    private static final JsonArray MAX_USE = new JsonArray()
            .add(new JsonObject().put("coupon_type", 1).put("coupon_group", 0).put("use_quantity_value", 3))
            .add(new JsonObject().put("coupon_type", 2).put("coupon_group", 0).put("use_quantity_value", 1));
    private static final String VALID_FROM = "2020-01-01T00:00:00Z";
    private static final String VALID_TO = "2099-12-31T16:00:00Z";

    private FakeCoupons() {
    }

    /** A coupon: a cash coupon (type 1) pays from its balance, a discount coupon (2) leaves {@code rate}. */
    static final class Coupon {
        final String id;
        final String holder;
        final int type;
        final BigDecimal rate;
        /** the coupon this one was split from, and that coupon's holder; null for an issued coupon */
        final Coupon source;
        BigDecimal balance;
        boolean used;
        boolean reclaimed;

        private Coupon(String id, String holder, int type, BigDecimal balance, BigDecimal rate, Coupon source) {
            this.id = id;
            this.holder = holder;
            this.type = type;
            this.balance = balance;
            this.rate = rate;
            this.source = source;
        }

        static Coupon cash(String id, String holder, BigDecimal balance) {
            return new Coupon(id, holder, 1, balance, null, null);
        }

        static Coupon discount(String id, String holder, BigDecimal rate) {
            return new Coupon(id, holder, 2, null, rate, null);
        }

        boolean isDiscount() {
            return type == 2;
        }

        boolean usable() {
            return isDiscount() ? !used : balance.signum() > 0 && !reclaimed;
        }

        JsonObject info() {
            return new JsonObject().put("coupon_id", id).put("coupon_type", type).put("status", 2)
                    .put("face_value", isDiscount() ? BigDecimal.ZERO : balance)
                    .put("balance", isDiscount() ? null : balance);
        }

        /** As the enterprise lists show it: a received coupon by the coupon it came from, and its own id. */
        JsonObject held() {
            return new JsonObject().put("coupon_id", source == null ? id : source.id)
                    .put("sub_coupon_id", source == null ? null : id).put("plan_name", "Cash coupon")
                    .put("balance", balance.setScale(2).toPlainString()).put("effective_time", VALID_FROM)
                    .put("expire_time", VALID_TO).put("use_limits", new JsonArray());
        }
    }

    static void give(String holder, Coupon coupon) {
        COUPONS.computeIfAbsent(holder, k -> new CopyOnWriteArrayList<>()).add(coupon);
    }

    /** The payer's coupon of this id, if it can pay now. */
    static Coupon usable(String payer, String couponId) {
        return COUPONS.getOrDefault(payer, List.of()).stream().filter(c -> c.id.equals(couponId) && c.usable())
                .findFirst().orElse(null);
    }

    /** What the cash coupons of a charge paid ({@code paid} in all, in order) and the discount coupons used. */
    static void spend(List<Coupon> coupons, BigDecimal paid) {
        BigDecimal left = paid;
        for (Coupon coupon : coupons) {
            if (coupon.isDiscount()) {
                coupon.used = true;
            } else {
                BigDecimal take = coupon.balance.min(left);
                coupon.balance = coupon.balance.subtract(take);
                left = left.subtract(take);
            }
        }
    }

    /** The payer's usable coupons, whose coupons pay as in billing: the payer's when one is given. */
    static JsonObject applicable(JsonObject body) {
        if (body.getJsonArray("service_type_codes").isEmpty()) {
            return refusal("CBC.0100", "Invalid parameter service_type_codes: must hold 1 to 20 service type codes");
        }
        JsonArray coupons = new JsonArray();
        COUPONS.getOrDefault(FakeLedger.payer(body), List.of()).stream().filter(Coupon::usable)
                .forEach(coupon -> coupons.add(coupon.info()));
        return new JsonObject().put("count", coupons.size()).put("user_coupons", coupons)
                .put("coupon_max_use_quantity", MAX_USE.copy());
    }

    /** The cash coupons the customer was issued itself, with value left: what it can give. */
    static JsonObject transferable(String customer, int[] page) {
        JsonObject unknown = unregistered(customer);
        return unknown != null ? unknown
                : list(customer, c -> c.source == null && !c.isDiscount() && c.usable(), page);
    }

    /** The customer's coupons split from coupons of {@code from}, not taken back, with value left. */
    static JsonObject received(String customer, String from, int[] page) {
        JsonObject unknown = unregistered(customer);
        if (unknown == null) {
            unknown = unregistered(from);
        }
        return unknown != null ? unknown
                : list(customer, c -> c.source != null && c.source.holder.equals(from) && c.usable(), page);
    }

    /** Gives part of an issued cash coupon to another customer as a new coupon, once per key. */
    static synchronized JsonObject transfer(String couponId, JsonObject body) {
        String key = "coupon-transfer:" + body.getString("idempotency_key");
        if (POSTED.containsKey(key)) {
            return POSTED.get(key).copy();
        }
        Coupon source = find(couponId, body.getString("from_customer_id"));
        String to = body.getString("to_customer_id");
        BigDecimal amount = new BigDecimal(body.getValue("amount").toString());
        if (source == null) {
            return refusal("CBC.0101", "No coupon " + couponId);
        }
        if (source.source != null || source.isDiscount() || source.reclaimed) {
            return refusal("CBC.0101", "Coupon " + couponId + " cannot be transferred");
        }
        if (unregistered(to) != null) {
            return unregistered(to);
        }
        if (source.balance.compareTo(amount) < 0) {
            return refusal("CBC.99005003", "Insufficient balance: coupon " + couponId + " holds "
                    + source.balance.toPlainString());
        }
        String newId = "CP" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 22);
        source.balance = source.balance.subtract(amount);
        give(to, new Coupon(newId, to, 1, amount, null, source));
        JsonObject issued = new JsonObject().put("id", newId);
        POSTED.put(key, issued);
        return issued;
    }

    /** Takes back what is left of a transferred coupon into the coupon it came from, once per key. */
    static synchronized JsonObject reclaim(String couponId, JsonObject body) {
        String key = "coupon-reclaim:" + body.getString("idempotency_key");
        if (POSTED.containsKey(key)) {
            return POSTED.get(key).copy().put("replayed", true);
        }
        Coupon coupon = find(couponId, body.getString("customer_id"));
        if (coupon == null || coupon.source == null) {
            return refusal("CBC.0101", "Coupon " + couponId + " was not transferred from another coupon");
        }
        String sourceId = body.getString("source_coupon_id");
        String sourceCustomer = body.getString("source_customer_id");
        if (sourceId != null && !sourceId.equals(coupon.source.id)
                || sourceCustomer != null && !sourceCustomer.equals(coupon.source.holder)) {
            return refusal("CBC.0101", "Coupon " + couponId + " was not transferred from " + sourceId);
        }
        if (coupon.reclaimed) {
            return refusal("CBC.0101", "Coupon " + couponId + " is already reclaimed");
        }
        BigDecimal left = coupon.balance.setScale(2);
        coupon.source.balance = coupon.source.balance.add(left);
        coupon.balance = BigDecimal.ZERO;
        coupon.reclaimed = true;
        JsonObject reclaimed = new JsonObject().put("coupon_id", couponId).put("source_coupon_id", coupon.source.id)
                .put("amount", left).put("replayed", false).put("entry_id", POSTED.size() + 1);
        POSTED.put(key, reclaimed);
        return reclaimed;
    }

    private static JsonObject list(String holder, Predicate<Coupon> shown, int[] page) {
        List<Coupon> coupons = COUPONS.getOrDefault(holder, List.of()).stream().filter(shown).toList();
        JsonArray shownPage = new JsonArray();
        coupons.stream().skip(page[0]).limit(page[1]).forEach(coupon -> shownPage.add(coupon.held()));
        return new JsonObject().put("total_count", coupons.size()).put("coupons", shownPage);
    }

    /** The coupon of this id; when a holder is named, another customer's coupon is as one that does not exist. */
    private static Coupon find(String couponId, String holder) {
        return COUPONS.values().stream().flatMap(List::stream).filter(c -> c.id.equals(couponId))
                .filter(c -> holder == null || holder.equals(c.holder)).findFirst().orElse(null);
    }

    private static JsonObject unregistered(String customer) {
        return customer == null || REGISTERED.containsKey(customer) ? null
                : refusal("CBC.0101", "Customer " + customer + " is not registered with billing");
    }
}
