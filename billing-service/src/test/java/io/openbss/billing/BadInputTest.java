package io.openbss.billing;

import io.openbss.testing.BadInputContract;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

/** The bad-input contract of bss-common, on billing-service's endpoints. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class BadInputTest extends BadInputContract {

    static final String RECHARGES = "/internal/v1/ledger/recharges";
    static final String FEE_RECORDS = "/v2/bills/customer-bills/fee-records";
    static final String RES_RECORDS = "/v2/bills/customer-bills/res-records/query";

    @Override
    protected String authorization(Target target) {
        return target.path().equals(RECHARGES) ? BillingTestSupport.operator()
                : BillingTestSupport.customer(BillingTestSupport.newCustomerId());
    }

    @Override
    protected Target queryText() {
        return Target.query(FEE_RECORDS + "?bill_cycle=2026-01", "trade_id");
    }

    @Override
    protected Target pathText() {
        return Target.query("/v1.0/{value}/customer/account-mgr/bill/res-records?cycle=2026-01&payMethod=0"
                + "&offset=1&limit=10", "domain_id");
    }

    @Override
    protected Target jsonText() {
        return Target.body("POST", RES_RECORDS, "res_instance_id", "{\"cycle\":\"2026-01\",\"res_instance_id\":%s}");
    }

    @Override
    protected Target jsonList() {
        return Target.body("POST", "/v4/costs/cost-analysed-bills/query", "filters[0].filter_factor.value", """
                {"time_condition":{"time_measure_id":1,"begin_time":"2026-01-01","end_time":"2026-01-02"},
                "filters":[{"operator":0,"filter_factor":{"key":"RESOURCE_ID","value":%s}}]}""");
    }

    @Override
    protected Target jsonInteger() {
        return Target.body("POST", RES_RECORDS, "offset", "{\"cycle\":\"2026-01\",\"offset\":%s}");
    }

    @Override
    protected Optional<Target> jsonDecimal() {
        return Optional.of(Target.body("POST", RECHARGES, "amount",
                "{\"idempotency_key\":\"bad-input\",\"customer_id\":\"c1\",\"amount\":%s,\"payment_channel_id\":0}"));
    }

    @Override
    protected Target time() {
        return Target.query(FEE_RECORDS, "bill_cycle");
    }

    @Override
    protected String absurdTime() {
        return "-999999999-01";
    }
}
