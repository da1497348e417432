package io.openbss.billing.client.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.BillingClient;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * billing-service's circuit breaker in a service that calls billing, with its production delay: it shows in
 * {@code /q/health/well} (and so in {@code /q/health}) by name, open (DOWN) while billing fails; callers are served
 * again within 2 s of billing being back, and it shows closed; readiness stays UP throughout, so that an outage of
 * billing never takes the calling service out of load balancing. Each caller's {@code BillingBreakerTest} runs it,
 * under {@link ProductionBreaker}, with one of its own operations that calls billing through {@link FakeBilling}.
 */
public final class BillingBreakerDrill {

    /** The breaker's own delay (1 s), not the callers' test setting of 0, under which it never stays open. */
    public static class ProductionBreaker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.io.openbss.billing.client.BillingClient/guarded/CircuitBreaker/delay", "1");
        }
    }

    private BillingBreakerDrill() {
    }

    /**
     * Runs the drill with {@code call}, an operation of the caller that calls billing and answers {@code served}
     * while billing is up; {@code otherBreakers} are the caller's other breakers, which stay closed throughout.
     */
    public static void run(Supplier<ValidatableResponse> call, int served, Map<String, String> otherBreakers) {
        call.get().statusCode(served);
        assertThat(breakers(200)).isEqualTo(states("closed", otherBreakers));

        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        try {
            // each call tries billing 4 times; 20 calls, half of them failed, open the breaker
            for (int i = 0; i < 20 && !"open".equals(breakers(-1).get(BillingClient.BREAKER)); i++) {
                call.get().statusCode(500).body("error_code", equalTo("CBC.0999"));
            }
            whileOpen(call, () -> assertThat(breakers(503)).isEqualTo(states("open", otherBreakers)));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            whileOpen(call, () -> given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            FakeBilling.recover();
        }
        long back = System.nanoTime();
        long deadline = back + Duration.ofSeconds(10).toNanos();
        int status = call.get().extract().statusCode();
        while (status != served && System.nanoTime() < deadline) {
            status = call.get().extract().statusCode();
        }
        assertThat(status).isEqualTo(served);
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
        assertThat(breakers(200)).isEqualTo(states("closed", otherBreakers));
    }

    /**
     * Checks what the open breaker shows. A second after opening it lets a trial call through, which a slow machine
     * may reach between two checks; while billing fails, a failed trial opens it again, so the check is made again
     * after one (three times at most).
     */
    private static void whileOpen(Supplier<ValidatableResponse> call, Runnable check) {
        for (int attempt = 1; ; attempt++) {
            try {
                check.run();
                return;
            } catch (AssertionError notOpen) {
                if (attempt == 3) {
                    throw notOpen;
                }
                call.get().statusCode(500);
            }
        }
    }

    private static Map<String, Object> states(String billing, Map<String, String> otherBreakers) {
        Map<String, Object> states = new HashMap<>(otherBreakers);
        states.put(BillingClient.BREAKER, billing);
        return states;
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
