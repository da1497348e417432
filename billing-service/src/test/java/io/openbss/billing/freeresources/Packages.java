package io.openbss.billing.freeresources;

import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Grants resource packages of OBS outbound traffic and meters that traffic, through the internal APIs. */
final class Packages {

    static final String OBS = "hws.service.type.obs";
    static final String OBS_TYPE = "hws.resource.type.obs";
    static final String REGION = "cn-north-4";
    static final int GB = 10;
    static final int MB = 11;
    /** The pay-per-use price of a GB of standard OBS outbound traffic in the region. */
    static final BigDecimal PRICE_PER_GB = new BigDecimal("0.50");

    /** A granted package: its id and its one quota's id. */
    record Granted(String packageId, String quotaId) {
    }

    private Packages() {
    }

    static Granted grant(String customerId, String region, Instant effective, Instant expire, int reuseMode,
            BigDecimal amount, int measure) {
        String key = "pkg-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", key);
        body.put("customer_id", customerId);
        body.put("product_id", "OBS-FLOW-" + measure);
        body.put("product_name", "OBS traffic " + amount.toPlainString() + (measure == GB ? " GB" : " MB"));
        body.put("service_type_code", OBS);
        body.put("region_code", region);
        body.put("effective_time", BssTime.formatWire(effective));
        body.put("expire_time", BssTime.formatWire(expire));
        body.put("quota_reuse_mode", reuseMode);
        body.put("free_resources", List.of(Map.of("resource_type_code", OBS_TYPE, "usage_type_code", "downflow",
                "amount", amount, "measure_id", measure)));
        var granted = internal("/internal/v1/free-resource-packages", body).statusCode(200).extract().jsonPath();
        return new Granted(granted.getString("package_id"), granted.getString("free_resource_ids[0]"));
    }

    static void unsubscribe(String packageId) {
        given().header("Authorization", service()).delete("/internal/v1/free-resource-packages/{id}", packageId)
                .then().statusCode(204);
    }

    static void meter(List<Map<String, Object>> records, int accepted) {
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(accepted));
    }

    static void rate() {
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
    }
}
