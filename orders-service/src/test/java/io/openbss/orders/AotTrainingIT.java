package io.openbss.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.testing.PostgresResource;
import io.openbss.testing.ProductionSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training run of orders-service's AOT cache ({@code -Paot}, see the parent pom): the packaged service starts
 * in the prod profile against PostgreSQL and serves what follows every start (health, a purchase priced by billing,
 * its payment, the customer's order list), billing being {@link FakeBilling}, so that the cache holds the request
 * path and the REST client as well as the start. Not run by the default build.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProductionSecrets.class)
@QuarkusTestResource(FakeBilling.class)
class AotTrainingIT {

    @Test
    void startsAndServesAPurchaseAndItsPayment() {
        given().get("/q/health/ready").then().statusCode(200);
        String customer = OrderFixtures.newCustomer();
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        FakeBilling.fund(customer, "1000.00");
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(200);
        given().header("Authorization", OrderFixtures.customerToken(customer)).queryParam("order_id", orderId)
                .get("/v2/orders/customer-orders").then().statusCode(200).body("total_count", equalTo(1));
    }
}
