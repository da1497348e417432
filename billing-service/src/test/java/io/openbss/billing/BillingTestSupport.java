package io.openbss.billing;

import static io.restassured.RestAssured.given;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.InternalKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls billing-service as the gateway, an operator or another service would. */
public final class BillingTestSupport {

    public static final String AUDIENCE = "billing-service";
    /** Numbers as BigDecimal, so that the scale of amounts is checked too. */
    public static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private BillingTestSupport() {
    }

    public static String operator() {
        return InternalKeys.bearer(AUDIENCE, CallerIdentity.operator("test-operator"));
    }

    public static String service() {
        return InternalKeys.bearer(AUDIENCE, CallerIdentity.service("orders-service"));
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

    /** POSTs a JSON body to an internal API as a calling service. */
    public static ValidatableResponse internal(String path, Object body) {
        return given().header("Authorization", service()).contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** A registered customer with this much cash. */
    public static String funded(String cash) {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        if (new BigDecimal(cash).signum() > 0) {
            recharge("fund-" + id, id, cash).statusCode(200);
        }
        return id;
    }

    /** A consumption bill line for a charge, with this payable amount (official price, no discount). */
    public static Map<String, Object> line(String service, String amount) {
        Map<String, Object> line = new java.util.HashMap<>();
        line.put("service_type_code", service);
        line.put("resource_type_code", "hws.resource.type.vm");
        line.put("region_code", "cn-north-4");
        line.put("resource_id", "res-" + UUID.randomUUID());
        line.put("bill_type", 1);
        line.put("charging_mode", 1);
        line.put("period_type", 20);
        line.put("official_amount", new BigDecimal(amount));
        line.put("discount_amount", BigDecimal.ZERO);
        line.put("amount", new BigDecimal(amount));
        return line;
    }

    public static ValidatableResponse charge(String key, String customerId, List<Map<String, Object>> lines,
            Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(options);
        body.put("idempotency_key", key);
        body.put("customer_id", customerId);
        body.put("trade_id", "CS-" + key);
        body.put("lines", lines);
        return internal("/internal/v1/ledger/charges", body);
    }

    public static ValidatableResponse recharge(String key, String customerId, String amount) {
        return given().header("Authorization", operator()).contentType(ContentType.JSON)
                .body("{\"idempotency_key\":\"" + key + "\",\"customer_id\":\"" + customerId + "\",\"amount\":" + amount
                        + ",\"payment_channel_id\":2}")
                .post("/internal/v1/ledger/recharges").then();
    }
}
