package io.openbss.billing.client.testing;

import static io.openbss.billing.client.testing.FakeBilling.ASSOCIATIONS;
import static io.openbss.billing.client.testing.FakeBilling.BALANCES;
import static io.openbss.billing.client.testing.FakeBilling.MOVES;
import static io.openbss.billing.client.testing.FakeBilling.POSTED;
import static io.openbss.billing.client.testing.FakeBilling.REGISTERED;
import static io.openbss.billing.client.testing.FakeBilling.REQUESTS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake's ledger: customers, their cash and credit, and charges, refunds and transfers once per idempotency key. */
final class FakeLedger {

    static final String CASH = "BALANCE_TYPE_DEBIT";
    static final String CREDIT = "BALANCE_TYPE_CREDIT";
    /** customer → credit granted; a customer given available credit without a grant shows 1000.00 */
    static final Map<String, BigDecimal> CREDIT_LIMITS = new ConcurrentHashMap<>();
    private static final BigDecimal DEFAULT_CREDIT_LIMIT = new BigDecimal("1000.00");

    private FakeLedger() {
    }

    static JsonObject refusal(String code, String message) {
        return new JsonObject().put("error_code", code).put("error_msg", message);
    }

    static JsonObject register(String customer, JsonObject body) {
        REGISTERED.put(customer, body.getString("customer_name"));
        return body;
    }

    static JsonObject associate(String sub, JsonObject body) {
        String master = body.getString("master_customer_id");
        if (master == null || master.isEmpty()) {
            return refusal("CBC.0100", "Invalid parameter master_customer_id: is required");
        }
        if (body.getBoolean("bills_visible") == null) {
            return refusal("CBC.0100", "Invalid parameter bills_visible: is required");
        }
        if (sub.equals(master)) {
            return refusal("CBC.0101", "an account cannot be its own sub-account");
        }
        ASSOCIATIONS.put(sub, body);
        return body;
    }

    static JsonObject funds(String customer) {
        if (!REGISTERED.containsKey(customer)) {
            return refusal("CBC.0101", "Customer " + customer + " is not registered with billing");
        }
        JsonObject funds = new JsonObject().put("customer_id", customer).put("currency", "CNY")
                .put("cash", new JsonObject().put("balance", FakeBilling.cash(customer)));
        if (BALANCES.getOrDefault(customer, Map.of()).containsKey(CREDIT)) {
            funds.put("credit", new JsonObject().put("available", FakeBilling.balance(customer, CREDIT))
                    .put("credit_limit", CREDIT_LIMITS.getOrDefault(customer, DEFAULT_CREDIT_LIMIT)));
        }
        return funds;
    }

    /** Moves money once per idempotency key, refusing what the sender cannot cover, as the ledger does. */
    static synchronized JsonObject transfer(JsonObject body) {
        String key = body.getString("idempotency_key");
        JsonObject first = POSTED.get(key);
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        String type = body.getString("balance_type");
        BigDecimal amount = new BigDecimal(body.getValue("amount").toString());
        String from = body.getString("from_customer_id");
        String to = body.getString("to_customer_id");
        if (FakeBilling.balance(from, type).compareTo(amount) < 0) {
            return refusal("CBC.99005003", "Insufficient balance: " + from + " holds "
                    + FakeBilling.balance(from, type).toPlainString());
        }
        FakeBilling.fund(from, type, FakeBilling.balance(from, type).subtract(amount).toPlainString());
        FakeBilling.fund(to, type, FakeBilling.balance(to, type).add(amount).toPlainString());
        MOVES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        JsonObject posted = new JsonObject().put("entry_id", POSTED.size() + 1).put("replayed", false);
        POSTED.put(key, posted);
        return posted;
    }

    /**
     * A charge (or refund) once per key, which spends the coupons it names as the ledger does: discount coupons take
     * their rate off the lines, then cash coupons pay, then cash; a charge the payer cannot cover is refused and moves
     * nothing.
     */
    static synchronized JsonObject move(JsonObject body, boolean charge) {
        String key = body.getString("idempotency_key");
        JsonObject first = POSTED.get(key);
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        String payer = payer(body);
        List<FakeCoupons.Coupon> named = new ArrayList<>();
        for (Object id : charge ? body.getJsonArray("coupon_ids", new JsonArray()) : new JsonArray()) {
            FakeCoupons.Coupon coupon = FakeCoupons.usable(payer, (String) id);
            if (coupon == null) {
                return refusal("CBC.0100", "Coupon " + id + " cannot be used");
            }
            named.add(coupon);
        }
        BigDecimal amount = BigDecimal.ZERO;
        List<BigDecimal> dues = new ArrayList<>();
        for (Object line : body.getJsonArray("lines")) {
            BigDecimal due = new BigDecimal(((JsonObject) line).getValue("amount").toString());
            for (FakeCoupons.Coupon coupon : named) {
                if (coupon.isDiscount()) {
                    due = due.multiply(coupon.rate).setScale(2, RoundingMode.HALF_UP);
                }
            }
            dues.add(due);
            amount = amount.add(due);
        }
        BigDecimal byCoupons = BigDecimal.ZERO;
        for (FakeCoupons.Coupon coupon : named) {
            if (!coupon.isDiscount()) {
                byCoupons = byCoupons.add(coupon.balance.min(amount.subtract(byCoupons)));
            }
        }
        BigDecimal byCash = amount.subtract(byCoupons);
        if (charge && FakeBilling.cash(payer).compareTo(byCash) < 0) {
            return refusal("CBC.99005003", "Insufficient balance");
        }
        FakeCoupons.spend(named, byCoupons);
        BALANCES.computeIfAbsent(payer, c -> new ConcurrentHashMap<>())
                .put(CASH, FakeBilling.cash(payer).subtract(byCash));
        MOVES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        REQUESTS.put(key, body);
        // a charge answers what each kind of account paid, a refund what each got back, in all and per line (cash
        // coupons pay the lines in order, cash the rest)
        JsonArray lines = new JsonArray();
        BigDecimal couponsLeft = byCoupons;
        for (BigDecimal due : dues) {
            BigDecimal coupon = due.signum() > 0 ? couponsLeft.min(due) : BigDecimal.ZERO;
            couponsLeft = couponsLeft.subtract(coupon);
            lines.add(new JsonObject().put("cash_amount", due.subtract(coupon).abs())
                    .put("credit_amount", BigDecimal.ZERO).put("coupon_amount", coupon)
                    .put("stored_card_amount", BigDecimal.ZERO).put("debt_amount", BigDecimal.ZERO));
        }
        JsonObject posted = new JsonObject().put("entry_id", POSTED.size() + 1).put("replayed", false)
                .put("amount", amount.abs()).put("coupon_amount", byCoupons).put("stored_card_amount", BigDecimal.ZERO)
                .put("cash_amount", byCash.abs()).put("credit_amount", BigDecimal.ZERO).put("lines", lines);
        POSTED.put(key, posted);
        return posted;
    }

    /** Whose money pays: the payer when one is given, else the customer. */
    static String payer(JsonObject body) {
        return body.getString("payer_customer_id") != null ? body.getString("payer_customer_id")
                : body.getString("customer_id");
    }
}
