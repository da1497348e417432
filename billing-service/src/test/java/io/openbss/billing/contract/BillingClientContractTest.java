package io.openbss.billing.contract;

import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.restassured.RestAssured.given;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.testing.BillingContract;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The billing client, as orders-service and enterprise-service call billing, against this billing-service: every
 * request they send is answered as they rely on, or this fails before any caller does.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(ClientTarget.class)
class BillingClientContractTest extends BillingContract {

    @Inject
    BillingClient billing;

    @Override
    protected BillingClient billing() {
        return billing;
    }

    @Override
    protected void addCash(String customerId, String amount) {
        recharge("cash-" + UUID.randomUUID(), customerId, amount).statusCode(200);
    }

    @Override
    protected void grantCredit(String customerId, String limit) {
        given().header("Authorization", operator()).contentType(ContentType.JSON)
                .body(Map.of("customer_name", "c-" + customerId, "credit_limit", new BigDecimal(limit)))
                .put("/internal/v1/customers/{id}", customerId).then().statusCode(200);
    }

    @Override
    protected String issueCashCoupon(String customerId, String value) {
        return given().header("Authorization", operator()).contentType(ContentType.JSON)
                .body(Map.of("idempotency_key", "coupon-" + UUID.randomUUID(), "customer_id", customerId,
                        "coupon_type", 1, "face_value", new BigDecimal(value), "plan_name", "contract coupon",
                        "valid_time", "2020-01-01T00:00:00Z", "expire_time", "2036-01-01T00:00:00Z"))
                .post("/internal/v1/coupons").then().statusCode(200).extract().path("id");
    }

    @Override
    protected String linearSpec() {
        return "SSD";
    }
}
