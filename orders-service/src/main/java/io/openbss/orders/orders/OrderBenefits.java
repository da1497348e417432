package io.openbss.orders.orders;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.common.discount.DiscountKind;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What could reduce the price of an order waiting for payment: the discounts billing offered when it priced the
 * order (ListOrderDiscounts) and the payer's coupons billing says apply to it now (ListOrderCouponsByOrderId). An
 * order in any other state has none.
 */
@ApplicationScoped
public class OrderBenefits {

    /** OrderLineItemV3 discount_mode: an amount off the line (满减). */
    static final int AMOUNT_OFF = 2;

    @Inject
    Pool pool;

    @Inject
    OrderLookup lookup;

    @Inject
    BillingClient billing;

    /** ListOrderDiscountsResponse of the SDK. */
    public record DiscountList(List<DiscountInfo> discounts) {
    }

    /** DiscountInfoV3 of the SDK: one offer, with what it takes off the order in all. */
    public record DiscountInfo(String discountId,
            String discountValue, int discountType,
            List<DiscountedOrder> orders) {
    }

    /** OrderV3 of the SDK. */
    public record DiscountedOrder(String orderId,
            List<DiscountedLine> orderLineItems) {
    }

    /** OrderLineItemV3 of the SDK: one line per item (lines are not merged). */
    public record DiscountedLine(List<String> orderLineItemIds,
            int discountMode,
            BigDecimal discountAmount) {
    }

    /** The offers of the order, the largest discount first. */
    public Uni<DiscountList> discounts(String callerId, String orderId) {
        return lookup.visibleTo(callerId, orderId).flatMap(order -> {
            if (order.getInteger("status") != OrderStatus.PENDING_PAYMENT.code()) {
                return Uni.createFrom().item(new DiscountList(List.of()));
            }
            return pool.preparedQuery("""
                            SELECT discount_id, discount_type, line_id, discount_amount,
                                   sum(discount_amount) OVER (PARTITION BY discount_id) AS total
                              FROM order_discount_offer WHERE order_id = $1
                             ORDER BY total DESC, discount_id, line_id""")
                    .execute(Tuple.of(orderId)).map(rows -> {
                        Map<String, List<Row>> offers = new LinkedHashMap<>();
                        rows.forEach(row -> offers.computeIfAbsent(row.getString("discount_id"),
                                id -> new ArrayList<>()).add(row));
                        return new DiscountList(offers.values().stream().map(lines -> offer(orderId, lines))
                                .toList());
                    });
        });
    }

    /** DiscountInfoV3 types a discount in its own codes (2 commercial, 0 promotion), not billing's 605/700. */
    private static int offerType(int code) {
        return DiscountKind.ofCode(code).map(DiscountKind::offerType).orElse(code);
    }

    private static DiscountInfo offer(String orderId, List<Row> lines) {
        Row first = lines.getFirst();
        List<DiscountedLine> items = lines.stream().map(line -> new DiscountedLine(
                List.of(line.getString("line_id")), AMOUNT_OFF, line.getBigDecimal("discount_amount"))).toList();
        return new DiscountInfo(first.getString("discount_id"),
                first.getBigDecimal("total").setScale(2, RoundingMode.HALF_UP).toPlainString(),
                offerType(first.getInteger("discount_type")), List.of(new DiscountedOrder(orderId, items)));
    }

    /** billing-service's answer as it is: it has the SDK's shape. */
    public Uni<JsonObject> coupons(String callerId, String orderId) {
        return lookup.visibleTo(callerId, orderId).flatMap(order -> {
            if (order.getInteger("status") != OrderStatus.PENDING_PAYMENT.code()) {
                return Uni.createFrom().item(noCoupons());
            }
            return pool.preparedQuery("""
                            SELECT DISTINCT service_type_code FROM order_line WHERE order_id = $1
                             ORDER BY service_type_code""")
                    .execute(Tuple.of(orderId)).flatMap(rows -> {
                        List<String> serviceTypes = new ArrayList<>();
                        rows.forEach(row -> serviceTypes.add(row.getString(0)));
                        if (serviceTypes.isEmpty()) {
                            // an order imported without line items cannot be paid here, so no coupon applies
                            return Uni.createFrom().item(noCoupons());
                        }
                        return billing.applicableCoupons(new BillingModels.ApplicableCoupons(
                                order.getString("customer_id"), order.getString("payer_customer_id"), orderId,
                                serviceTypes, order.getBigDecimal("amount_after_discount"), 0, 100));
                    })
                    .onFailure().transform(RemoteErrors::answer);
        });
    }

    private static JsonObject noCoupons() {
        return new JsonObject().put("count", 0).put("user_coupons", new JsonArray())
                .put("coupon_max_use_quantity", new JsonArray());
    }
}
