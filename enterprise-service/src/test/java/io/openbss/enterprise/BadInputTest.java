package io.openbss.enterprise;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.BadInputContract;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

/** The bad-input contract of bss-common, on enterprise-service's endpoints (none of which reads a BigDecimal). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class BadInputTest extends BadInputContract {

    static final String AUDIENCE = "enterprise-service";
    static final String TRANSFER = "/v2/enterprises/multi-accounts/transfer-amount";
    static final String SUB_CUSTOMERS = "/v2/enterprises/multi-accounts/sub-customers";
    static final String NEW_SUB_CUSTOMER = """
            "new_sub_customer":{"customer_name":"subbadinput","use_pri_mobile_phone":"Y","password":"Sub-Acc0unt!"}""";

    @Override
    protected String authorization(Target target) {
        return target.path().startsWith("/internal/")
                ? InternalKeys.bearer(AUDIENCE, CallerIdentity.operator("test"))
                : InternalKeys.bearer(AUDIENCE, "master-bad-input", CallerKind.ENTERPRISE_MASTER);
    }

    @Override
    protected Target queryText() {
        return Target.query("/v2/enterprises/multi-accounts/retrieve-amount", "sub_customer_id");
    }

    @Override
    protected Target pathText() {
        return new Target("PUT", "/internal/v1/enterprises/{value}/organizations/1", "master_id", null);
    }

    @Override
    protected Target jsonText() {
        return Target.body("POST", TRANSFER, "customer_id",
                "{\"customer_id\":%s,\"amount\":\"1.00\",\"balance_type\":\"BALANCE_TYPE_DEBIT\"}");
    }

    @Override
    protected Target jsonList() {
        return Target.body("POST", SUB_CUSTOMERS, "permission_ids", "{\"party_id\":\"1\",\"permission_ids\":%s,"
                + NEW_SUB_CUSTOMER + "}");
    }

    @Override
    protected Target jsonInteger() {
        return Target.body("POST", SUB_CUSTOMERS, "financial_custody", "{\"party_id\":\"1\",\"financial_custody\":%s,"
                + NEW_SUB_CUSTOMER + "}");
    }

    @Override
    protected Optional<Target> jsonDecimal() {
        return Optional.empty();
    }

    @Override
    protected Target time() {
        return Target.body("POST", TRANSFER, "expire_time", "{\"customer_id\":\"c1\",\"amount\":\"1.00\","
                + "\"balance_type\":\"BALANCE_TYPE_DEBIT\",\"expire_time\":%s}");
    }

    @Override
    protected String absurdTime() {
        return "-999999999-01-01T00:00:00Z";
    }
}
