package io.openbss.enterprise.transfers;

import static io.restassured.RestAssured.given;

import io.openbss.billing.client.testing.BillingBreakerDrill;
import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading funds from billing goes through billing's circuit breaker (BillingBreakerDrill); the gateway's IAM breaker
 * and the upstream's, shown beside it in {@code /q/health/well}, stay closed.
 */
@QuarkusTest
@TestProfile(BillingBreakerDrill.ProductionBreaker.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class BillingBreakerTest {

    final String master = FundTransfersTest.id("m");

    @Test
    void billingsBreakerOpensWhileBillingFailsAndCallersAreServedWithin2sOfItsReturn() {
        FakeBilling.fund(master, "0.00");
        BillingBreakerDrill.run(this::allowances, 200, Map.of("gateway", "closed", "upstream", "closed"));
    }

    /** ShowMultiAccountTransferAmount: the master's funds, read from billing. */
    private ValidatableResponse allowances() {
        return given().header("Authorization", FundTransfersTest.bearer(master))
                .queryParam("balance_type", FundTransfersTest.CASH).get(FundTransfersTest.ALLOCATE).then();
    }
}
