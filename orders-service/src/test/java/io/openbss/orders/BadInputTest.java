package io.openbss.orders;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.testing.BadInputContract;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

/** The bad-input contract of bss-common, on orders-service's endpoints. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class BadInputTest extends BadInputContract {

    static final String IMPORTS = "/internal/v1/orders/imports";
    static final String RENEW = "/v2/orders/subscriptions/resources/renew";

    @Override
    protected String authorization(Target target) {
        return target.path().equals(IMPORTS)
                ? InternalKeys.bearer(OrderFixtures.AUDIENCE, CallerIdentity.operator("test"))
                : OrderFixtures.customerToken(OrderFixtures.newCustomer());
    }

    @Override
    protected Target queryText() {
        return Target.query("/v2/orders/customer-orders", "order_id");
    }

    @Override
    protected Target pathText() {
        return Target.query("/v2/orders/customer-orders/details/{value}", "order_id");
    }

    @Override
    protected Target jsonText() {
        return Target.body("PUT", "/v2/orders/customer-orders/cancel", "order_id", "{\"order_id\":%s}");
    }

    @Override
    protected Target jsonList() {
        return Target.body("POST", RENEW, "resource_ids",
                "{\"resource_ids\":%s,\"period_type\":2,\"period_num\":1,\"is_auto_pay\":0}");
    }

    @Override
    protected Target jsonInteger() {
        return Target.body("POST", RENEW, "period_num",
                "{\"resource_ids\":[\"r1\"],\"period_type\":2,\"period_num\":%s,\"is_auto_pay\":0}");
    }

    @Override
    protected Optional<Target> jsonDecimal() {
        return Optional.of(Target.body("POST", IMPORTS, "orders[0].official_amount", """
                {"orders":[{"order_id":"CSBADINPUT1","customer_id":"c1","service_type_code":"hws.service.type.ebs",
                "service_type_name":"EVS","source_type":1,"status":5,"order_type":1,"official_amount":%s,
                "amount_after_discount":10,"create_time":"2026-10-01T00:00:00Z"}]}"""));
    }

    @Override
    protected Target time() {
        return Target.query("/v2/orders/customer-orders", "create_time_begin");
    }

    @Override
    protected String absurdTime() {
        return "-999999999-01-01T00:00:00Z";
    }
}
