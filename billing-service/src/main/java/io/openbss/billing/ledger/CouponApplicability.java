package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.sql.SqlQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which coupons can pay an order, and how many of each type one payment may use: the one definition that both the
 * list of a pending order's applicable coupons and a charge naming coupons apply. Each rule is a condition on a
 * coupon {@code c} left-joined to its ledger account {@code a} ({@link #FROM}), with what a charge answers when a
 * coupon breaks it.
 */
public final class CouponApplicability {

    /** The coupon and its account (discount coupons have none), as the rules read them. */
    public static final String FROM = "coupon c LEFT JOIN ledger_account a ON a.account_id = c.account_id";

    /**
     * The most coupons of each {@code coupon_type} one payment may use: PayCustomerOrderV3Req takes at most three
     * coupons; a discount coupon takes its rate off the order, so only one may.
     */
    public static final Map<Integer, Integer> MAX_PER_PAYMENT = new TreeMap<>(Map.of(1, 3, 2, 1, 3, 3, 4, 3));

    private static final Map<Integer, String> TYPE_NAMES = Map.of(1, "cash", 2, "discount", 3, "product",
            4, "flexi-purchase");

    /** What the rules judge a coupon against: who pays, for which services, how much, and when. */
    public record Order(String payerId, Collection<String> serviceTypeCodes, BigDecimal amount,
            OffsetDateTime now) {
    }

    private record Rule(String condition, Function<Row, String> why) {
    }

    private final List<Rule> rules;

    private CouponApplicability(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules for one order, their parameters bound into {@code query}; the first broken one is the refusal. */
    public static CouponApplicability of(SqlQuery query, Order order) {
        return new CouponApplicability(List.of(
                new Rule(query.bound("c.customer_id = ?", order.payerId()),
                        row -> "it is not a coupon of the paying customer"),
                new Rule("c.reclaimed_at IS NULL AND c.used_by_trade_id IS NULL",
                        row -> "it has been used or reclaimed"),
                new Rule(query.bound("c.valid_time <= ? AND c.expire_time > ?", order.now(), order.now()),
                        row -> "it is not valid now"),
                new Rule("c.account_id IS NULL OR a.balance > 0", row -> "it has no balance left"),
                new Rule(query.bound("cardinality(c.service_type_codes) = 0 OR c.service_type_codes && ?::text[]",
                        (Object) order.serviceTypeCodes().toArray(String[]::new)),
                        row -> "it does not apply to the services of this order"),
                new Rule(query.bound("c.min_order_amount IS NULL OR c.min_order_amount <= ?::numeric",
                        Numeric.create(order.amount())),
                        row -> "the order is below its minimum of "
                                + row.getBigDecimal("min_order_amount").toPlainString())));
    }

    /** The condition a coupon meets when it can pay the order, for a WHERE clause. */
    public String condition() {
        return rules.stream().map(rule -> "(" + rule.condition() + ")").collect(Collectors.joining(" AND "));
    }

    /** One boolean column per rule, to select with a coupon and then ask {@link #whyNot(Row)}. */
    public String checks() {
        StringBuilder checks = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            checks.append(i == 0 ? "" : ", ").append('(').append(rules.get(i).condition()).append(") IS TRUE AS ")
                    .append(check(i));
        }
        return checks.toString();
    }

    /**
     * Why the coupon of {@code row} (selected with {@link #checks()} and its {@code min_order_amount}) cannot pay, or
     * null when it can. No row at all is a coupon that is not the payer's.
     */
    public String whyNot(Row row) {
        if (row == null) {
            return rules.getFirst().why().apply(null);
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!row.getBoolean(check(i))) {
                return rules.get(i).why().apply(row);
            }
        }
        return null;
    }

    /** 400 CBC.0100 naming {@code coupon_ids} when a payment names more coupons of a type than it may use. */
    public static void checkQuantities(Collection<Integer> couponTypes) {
        Map<Integer, Long> used = couponTypes.stream().collect(Collectors.groupingBy(type -> type,
                Collectors.counting()));
        used.forEach((type, count) -> {
            if (count > MAX_PER_PAYMENT.get(type)) {
                throw BssException.badParameter("coupon_ids", "one payment may use at most "
                        + MAX_PER_PAYMENT.entrySet().stream().map(max -> max.getValue() + " "
                                + TYPE_NAMES.get(max.getKey()) + " coupon" + (max.getValue() == 1 ? "" : "s"))
                        .collect(Collectors.joining(", ")));
            }
        });
    }

    private static String check(int rule) {
        return "applicable_" + rule;
    }
}
