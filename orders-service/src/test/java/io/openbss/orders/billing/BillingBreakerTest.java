package io.openbss.orders.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.orders.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * billing-service's circuit breaker, with its production delay: it shows in {@code /q/health/well} (and so in
 * {@code /q/health}) by name, open (DOWN) while billing fails; callers are served again within 2 s of billing being
 * back, and it shows closed; readiness stays UP throughout, so that an outage of billing never takes orders-service
 * out of load balancing.
 */
@QuarkusTest
@TestProfile(BillingBreakerTest.ProductionBreaker.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class BillingBreakerTest {

    /** The breaker's own delay (1 s), not the other tests' 0, under which it never stays open. */
    public static class ProductionBreaker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.io.openbss.billing.client.BillingClient/guarded/CircuitBreaker/delay", "1");
        }
    }

    final String customer = OrderFixtures.newCustomer();

    @AfterEach
    void billingRecovers() {
        FakeBilling.recover();
    }

    @Test
    void theBreakerOpensWhileBillingFailsAndCallersAreServedWithin2sOfItsReturn() {
        purchase().statusCode(201);
        assertThat(breakers(200)).isEqualTo(Map.of("billing-service", "closed"));

        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        // each purchase tries billing 4 times; 20 calls, half of them failed, open the breaker
        for (int i = 0; i < 20 && !"open".equals(breakers(-1).get("billing-service")); i++) {
            purchase().statusCode(500).body("error_code", equalTo("CBC.0999"));
        }
        assertThat(breakers(503)).isEqualTo(Map.of("billing-service", "open"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));

        FakeBilling.recover();
        long back = System.nanoTime();
        long deadline = back + Duration.ofSeconds(10).toNanos();
        int status = purchase().extract().statusCode();
        while (status != 201 && System.nanoTime() < deadline) {
            status = purchase().extract().statusCode();
        }
        assertThat(status).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
        assertThat(breakers(200)).isEqualTo(Map.of("billing-service", "closed"));
    }

    private ValidatableResponse purchase() {
        return OrderFixtures.purchase(customer, UUID.randomUUID().toString(),
                List.of(OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1)));
    }

    /** The breakers' states as {@code /q/health/well} tells them, which answers {@code status} (-1: any). */
    private static Map<String, Object> breakers(int status) {
        ValidatableResponse answer = given().get("/q/health/well").then();
        if (status > 0) {
            answer.statusCode(status).body("status", equalTo(status == 200 ? "UP" : "DOWN"));
        }
        JsonPath well = answer.extract().jsonPath();
        assertThat(well.getList("checks.name")).containsExactly("circuit-breakers");
        return well.getMap("checks[0].data");
    }
}
