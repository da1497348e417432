package io.openbss.billing.accounts;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.openbss.common.identity.CallerKind;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class AccountBalancesResourceTest {

    static final String PATH = "/v2/accounts/customer-accounts/balances";

    @Test
    void customerSeesItsCashAndCreditBalances() {
        String id = newCustomerId();
        register(id, new BigDecimal("5000.00")).statusCode(200);
        recharge("r1-" + id, id, "100.25").statusCode(200);
        recharge("r2-" + id, id, "49.75").statusCode(200);

        given().header("Authorization", customer(id)).get(PATH).then().statusCode(200)
                .body("account_balances", hasSize(2))
                .body("account_balances[0].account_type", equalTo(1))
                .body("account_balances[0].amount", equalTo(150.00f))
                .body("account_balances[0].currency", equalTo("CNY"))
                .body("account_balances[0].account_id", notNullValue())
                .body("account_balances[1].account_type", equalTo(2))
                .body("account_balances[1].amount", equalTo(5000.00f))
                .body("account_balances[1].credit_amount", equalTo(5000.00f))
                .body("debt_amount", equalTo(0f))
                .body("measure_id", equalTo(1))
                .body("currency", equalTo("CNY"));
    }

    @Test
    void customerNeverSeesAnotherCustomersBalance() {
        String rich = newCustomerId();
        String other = newCustomerId();
        register(rich, null).statusCode(200);
        register(other, null).statusCode(200);
        recharge("rich-" + rich, rich, "999.00").statusCode(200);

        given().header("Authorization", customer(other)).get(PATH).then().statusCode(200)
                .body("account_balances", hasSize(1))
                .body("account_balances[0].amount", equalTo(0f));
    }

    @Test
    void unregisteredCustomerHasNoAccounts() {
        given().header("Authorization", customer(newCustomerId())).get(PATH).then().statusCode(200)
                .body("account_balances", hasSize(0)).body("debt_amount", equalTo(0f));
    }

    @Test
    void requestWithoutInternalTokenIsRefused() {
        given().get(PATH).then().statusCode(401)
                .body("error_code", equalTo("CBC.0151"))
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void tokenForAnotherServiceIsRefused() {
        given().header("Authorization", InternalKeys.bearer("orders-service", "c1", CallerKind.INDIVIDUAL))
                .get(PATH).then().statusCode(401);
    }

    @Test
    void forgedTokenIsRefused() {
        String token = customer("c1");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", forged).get(PATH).then().statusCode(401);
    }

    @Test
    void requestIdFromTheGatewayIsEchoed() {
        given().header("Authorization", customer(newCustomerId())).header("X-Request-Id", "abc-123")
                .get(PATH).then().statusCode(200).header("X-Request-Id", "abc-123");
    }

    @Test
    void unknownPathIs404() {
        given().header("Authorization", customer("c1")).get("/v2/no/such/thing").then().statusCode(404)
                .body("error_code", equalTo("CBC.0100"));
    }
}
