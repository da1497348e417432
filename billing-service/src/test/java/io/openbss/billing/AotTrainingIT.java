package io.openbss.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.PostgresResource;
import io.openbss.testing.ProductionSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training run of billing-service's AOT cache ({@code -Paot}, see the parent pom): the packaged service starts
 * in the prod profile against PostgreSQL and serves what follows every start (health, an operator registering a
 * customer, a recharge, a charge with its bill line, the customer reading its balance), so that the cache holds the
 * request path as well as the start. Not run by the default build.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProductionSecrets.class)
class AotTrainingIT {

    @Test
    void startsAndServesTheLedgerAndBalances() {
        given().get("/q/health/ready").then().statusCode(200);
        String customer = BillingTestSupport.funded("100.00");
        BillingTestSupport.charge("training-" + customer, customer,
                List.of(BillingTestSupport.line("hws.service.type.ec2", "30.00")), Map.of()).statusCode(200);
        given().header("Authorization", BillingTestSupport.customer(customer))
                .get("/v2/accounts/customer-accounts/balances").then().statusCode(200)
                .body("account_balances[0].amount", equalTo(70.0f));
    }
}
