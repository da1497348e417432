package io.openbss.enterprise.transfers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.enterprise.FakeServices;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breakers of billing-service and of the gateway's IAM, with their production delay, in
 * {@code /q/health/well} (and so in {@code /q/health}) by name: billing's opens (DOWN) while billing fails; callers
 * are served again within 2 s of billing being back, and it shows closed; readiness stays UP throughout, so that an
 * outage of billing never takes enterprise-service out of load balancing.
 */
@QuarkusTest
@TestProfile(BillingBreakerTest.ProductionBreaker.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeServices.class)
class BillingBreakerTest {

    /** The breaker's own delay (1 s), not the other tests' 0, under which it never stays open. */
    public static class ProductionBreaker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.io.openbss.billing.client.BillingClient/guarded/CircuitBreaker/delay", "1");
        }
    }

    final String master = FundTransfersTest.id("m");

    @AfterEach
    void billingRecovers() {
        FakeServices.recover();
    }

    @Test
    void billingsBreakerOpensWhileBillingFailsAndCallersAreServedWithin2sOfItsReturn() {
        allowances().statusCode(200);
        assertThat(breakers(200)).isEqualTo(Map.of("billing-service", "closed", "gateway", "closed"));

        FakeServices.fail(FakeServices.Mode.DOWN, Integer.MAX_VALUE);
        // each call tries billing 4 times; 20 calls, half of them failed, open the breaker
        for (int i = 0; i < 20 && !"open".equals(breakers(-1).get("billing-service")); i++) {
            allowances().statusCode(500).body("error_code", equalTo("CBC.0999"));
        }
        assertThat(breakers(503)).isEqualTo(Map.of("billing-service", "open", "gateway", "closed"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));

        FakeServices.recover();
        long back = System.nanoTime();
        long deadline = back + Duration.ofSeconds(10).toNanos();
        int status = allowances().extract().statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            status = allowances().extract().statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
        assertThat(breakers(200)).isEqualTo(Map.of("billing-service", "closed", "gateway", "closed"));
    }

    /** ShowMultiAccountTransferAmount: the master's funds, read from billing. */
    private ValidatableResponse allowances() {
        return given().header("Authorization", FundTransfersTest.bearer(master))
                .queryParam("balance_type", FundTransfersTest.CASH).get(FundTransfersTest.ALLOCATE).then();
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
