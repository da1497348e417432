package io.openbss.billing.client.testing;

import io.openbss.billing.client.BillingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The fake that the callers' tests run against answers the billing client as billing-service does. */
@QuarkusTest
@TestProfile(FakeBillingContractTest.ClientOnly.class)
@QuarkusTestResource(FakeBilling.class)
class FakeBillingContractTest extends BillingContract {

    /**
     * The client alone: bss-common's beans for a service's own requests need a REST server, which this has not. The
     * JSON naming is the callers' (snake_case by their configuration).
     */
    public static class ClientOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", "io.openbss.common.**",
                    "quarkus.jackson.property-naming-strategy", "SNAKE_CASE");
        }
    }

    @Inject
    BillingClient billing;

    @Override
    protected BillingClient billing() {
        return billing;
    }

    @Override
    protected void addCash(String customerId, String amount) {
        FakeBilling.fund(customerId, FakeBilling.cash(customerId).add(new BigDecimal(amount)).toPlainString());
    }

    @Override
    protected void grantCredit(String customerId, String limit) {
        FakeBilling.grantCredit(customerId, limit);
    }

    @Override
    protected String issueCashCoupon(String customerId, String value) {
        String id = "CP" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        FakeBilling.giveCashCoupon(customerId, id, value);
        return id;
    }

    @Override
    protected String linearSpec() {
        return "sized.disk";
    }
}
