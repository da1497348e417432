package io.openbss.billing;

import static io.restassured.RestAssured.given;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.InternalKeys;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Calls billing-service as the gateway, an operator or another service would. */
public final class BillingTestSupport {

    public static final String AUDIENCE = "billing-service";

    private BillingTestSupport() {
    }

    public static String operator() {
        return InternalKeys.bearer(AUDIENCE, CallerIdentity.operator("test-operator"));
    }

    public static String customer(String customerId) {
        return InternalKeys.bearer(AUDIENCE, customerId, CallerKind.INDIVIDUAL);
    }

    public static String newCustomerId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static ValidatableResponse register(String customerId, BigDecimal creditLimit) {
        Map<String, Object> body = creditLimit == null ? Map.of("customer_name", "c-" + customerId)
                : Map.of("customer_name", "c-" + customerId, "credit_limit", creditLimit);
        return given().header("Authorization", operator()).contentType(ContentType.JSON).body(body)
                .put("/internal/v1/customers/{id}", customerId).then();
    }

    public static ValidatableResponse recharge(String key, String customerId, String amount) {
        return given().header("Authorization", operator()).contentType(ContentType.JSON)
                .body("{\"idempotency_key\":\"" + key + "\",\"customer_id\":\"" + customerId + "\",\"amount\":" + amount
                        + ",\"payment_channel\":\"BANK_TRANSFER\"}")
                .post("/internal/v1/ledger/recharges").then();
    }
}
