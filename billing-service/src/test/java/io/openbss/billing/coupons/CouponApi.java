package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.service;
import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The internal coupon API as enterprise-service and operators call it. */
final class CouponApi {

    static final String VALID = "2026-01-01T00:00:00Z";
    static final String FAR = "2036-01-01T00:00:00Z";

    private CouponApi() {
    }

    /** Issues a coupon; {@code extra} adds or overrides fields of the request. */
    static String issue(String customerId, int type, String face, String valid, String expire,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", "coupon-" + UUID.randomUUID());
        body.put("customer_id", customerId);
        body.put("coupon_type", type);
        body.put("face_value", new BigDecimal(face));
        body.put("plan_name", "enterprise plan");
        body.put("valid_time", valid);
        body.put("expire_time", expire);
        body.putAll(extra);
        return given().header("Authorization", operator()).contentType("application/json").body(body)
                .post("/internal/v1/coupons").then().statusCode(200).extract().path("id");
    }

    /** A cash coupon valid from 2026 to 2036. */
    static String issue(String customerId, String face) {
        return issue(customerId, 1, face, VALID, FAR, Map.of());
    }

    static ValidatableResponse transfer(String couponId, String key, String toCustomerId, String amount,
            String fromCustomerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", key);
        body.put("to_customer_id", toCustomerId);
        body.put("amount", new BigDecimal(amount));
        if (fromCustomerId != null) {
            body.put("from_customer_id", fromCustomerId);
        }
        return internal("/internal/v1/coupons/" + couponId + "/transfers", body);
    }

    /** Gives part of a coupon to another customer; the new coupon's id. */
    static String give(String couponId, String toCustomerId, String amount) {
        return transfer(couponId, "give-" + UUID.randomUUID(), toCustomerId, amount, null).statusCode(200)
                .extract().path("id");
    }

    static ValidatableResponse reclaim(String couponId, Map<String, Object> body) {
        return internal("/internal/v1/coupons/" + couponId + "/reclaims", body);
    }

    static ValidatableResponse transferable(String customerId, Map<String, ?> params) {
        return given().header("Authorization", service()).queryParams(params)
                .get("/internal/v1/customers/{id}/transferable-coupons", customerId).then();
    }

    /** The coupons that could pay a pending order. */
    static ValidatableResponse applicable(Map<String, Object> body) {
        return internal("/internal/v1/coupons/applicable", body);
    }

    static ValidatableResponse received(String customerId, Map<String, ?> params) {
        return given().header("Authorization", service()).queryParams(params)
                .get("/internal/v1/customers/{id}/received-coupons", customerId).then();
    }
}
