package io.openbss.billing.customers;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.openbss.billing.BillingTestSupport.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class CustomerFundsTest {

    static final String PATH = "/internal/v1/customers/{customer_id}/funds";

    @Test
    void cashAndAvailableCreditAreShownWithTheCreditGranted() {
        String id = newCustomerId();
        register(id, new BigDecimal("500.00")).statusCode(200);
        recharge("first-" + id, id, "223.45").statusCode(200);
        charge("order-" + id, id, List.of(line("hws.service.type.ec2", "323.45")), Map.of()).statusCode(200);
        recharge("second-" + id, id, "123.45").statusCode(200);

        JsonPath funds = funds(id).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(funds.getString("customer_id")).isEqualTo(id);
        assertThat(funds.getString("currency")).isEqualTo("CNY");
        assertThat(funds.getString("cash.balance")).isEqualTo("123.45");
        assertThat(funds.getString("credit.available")).isEqualTo("400.00");
        assertThat(funds.getString("credit.credit_limit")).isEqualTo("500.00");
    }

    @Test
    void aCustomerWithoutCreditHasNoCreditPart() {
        String id = funded("0");
        JsonPath funds = funds(id).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(funds.getString("cash.balance")).isEqualTo("0.00");
        assertThat(funds.getMap("$")).doesNotContainKey("credit");
    }

    @Test
    void anUnknownCustomerIsRefused() {
        String unknown = newCustomerId();
        funds(unknown).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Customer " + unknown + " is not registered with billing"));
        given().header("Authorization", service()).get(PATH, "x".repeat(65)).then().statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", org.hamcrest.Matchers.containsString(
                        "customer_id"));
    }

    @Test
    void operatorsMayCallItCustomersMayNot() {
        String id = funded("12.00");
        given().header("Authorization", operator()).get(PATH, id).then().statusCode(200)
                .body("cash.balance", equalTo(12.0f));
        given().header("Authorization", customer(id)).get(PATH, id).then().statusCode(403);
    }

    @Test
    void theOtherCustomerEndpointsStillAnswer() {
        String master = funded("0");
        String sub = funded("0");
        register(sub, new BigDecimal("10.00")).statusCode(200).body("account_balances.size()", equalTo(2));
        given().header("Authorization", service()).contentType("application/json")
                .body(Map.of("master_customer_id", master, "bills_visible", true))
                .put("/internal/v1/customers/{customer_id}/association", sub).then().statusCode(200)
                .body("master_customer_id", equalTo(master));
        given().header("Authorization", service())
                .delete("/internal/v1/customers/{customer_id}/association", sub).then().statusCode(204);
        funds(sub).statusCode(200).body("credit.credit_limit", equalTo(10.0f));
    }

    static ValidatableResponse funds(String customerId) {
        return given().header("Authorization", service()).get(PATH, customerId).then();
    }
}
