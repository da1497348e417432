package io.openbss.orders.remote;

import io.openbss.billing.client.testing.BillingBreakerDrill;
import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Purchases are priced by billing under its circuit breaker, the only one orders-service has (BillingBreakerDrill). */
@QuarkusTest
@TestProfile(BillingBreakerDrill.ProductionBreaker.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class BillingBreakerTest {

    final String customer = OrderFixtures.newCustomer();

    @Test
    void theBreakerOpensWhileBillingFailsAndCallersAreServedWithin2sOfItsReturn() {
        BillingBreakerDrill.run(this::purchase, 201, Map.of("upstream", "closed"));
    }

    private ValidatableResponse purchase() {
        return OrderFixtures.purchase(customer, UUID.randomUUID().toString(),
                List.of(OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1)));
    }
}
