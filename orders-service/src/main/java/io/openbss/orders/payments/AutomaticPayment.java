package io.openbss.orders.payments;

import io.openbss.orders.orders.OrderBenefits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pays an order that no customer is there to pay (a renewal with {@code is_auto_pay} 1, an auto-renewal): seed 000
 * says automatic payment uses discounts and coupons, so it is PayOrders as a customer taking every benefit would send
 * it. The discount is billing's best offer, the one the order was priced with; the coupons are those
 * ListOrderCouponsByOrderId lists for the order, in billing's order (soonest to expire first), as many of each type
 * as its {@code coupon_max_use_quantity} allows and at most the three one payment takes. Billing alone decides which
 * coupons apply and what each pays.
 */
@ApplicationScoped
public class AutomaticPayment {

    /** PayCustomerOrderV3Req takes at most three coupons. */
    static final int MAX_COUPONS = 3;

    @Inject
    OrderBenefits benefits;

    @Inject
    PaymentService payments;

    public Uni<Void> pay(String customerId, String orderId) {
        return benefits.coupons(customerId, orderId)
                .flatMap(applicable -> payments.pay(customerId, request(orderId, applicable)));
    }

    /** PayOrders with billing's best discount and the coupons of ListOrderCouponsByOrderId's answer it may use. */
    static PayRequest request(String orderId, JsonObject applicable) {
        Map<Integer, Integer> allowed = new HashMap<>();
        JsonArray limits = applicable.getJsonArray("coupon_max_use_quantity", new JsonArray());
        for (int i = 0; i < limits.size(); i++) {
            JsonObject limit = limits.getJsonObject(i);
            allowed.put(limit.getInteger("coupon_type"), limit.getInteger("use_quantity_value"));
        }
        List<PayRequest.CouponChoice> coupons = new ArrayList<>();
        Map<Integer, Integer> taken = new HashMap<>();
        JsonArray listed = applicable.getJsonArray("user_coupons", new JsonArray());
        for (int i = 0; i < listed.size() && coupons.size() < MAX_COUPONS; i++) {
            JsonObject coupon = listed.getJsonObject(i);
            int type = coupon.getInteger("coupon_type");
            // a type billing sets no limit for is limited only by the three coupons of a payment
            if (taken.getOrDefault(type, 0) < allowed.getOrDefault(type, MAX_COUPONS)) {
                taken.merge(type, 1, Integer::sum);
                coupons.add(PayRequest.CouponChoice.of(coupon.getString("coupon_id"), type));
            }
        }
        return coupons.isEmpty() ? new PayRequest(orderId, "NO", null, null, null)
                : new PayRequest(orderId, "YES", null, coupons, null);
    }
}
