package io.openbss.orders.purchases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class PurchaseResourceTest {

    @Inject
    Pool pool;

    @Test
    void eachLineRecordsItsResourceTypeNameAndProjects() {
        OrderFixtures.assertServerAndDiskLinesNamedInTheirProjects(pool,
                OrderFixtures.serverWithDisk(OrderFixtures.newCustomer()).getString("order_id"));
    }

    @Test
    void projectsAreCheckedLikeTheOtherFields() {
        Map<String, Integer> limits = Map.of("project_id", 64, "enterprise_project_id", 256,
                "enterprise_project_name", 256);
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            Map<String, Object> product = OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1);
            product.put(limit.getKey(), "p".repeat(limit.getValue()));
            OrderFixtures.purchase(OrderFixtures.newCustomer(), UUID.randomUUID().toString(), List.of(product))
                    .statusCode(201);
            product.put(limit.getKey(), "p".repeat(limit.getValue() + 1));
            OrderFixtures.purchase(OrderFixtures.newCustomer(), UUID.randomUUID().toString(), List.of(product))
                    .statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("products[0]." + limit.getKey()));
        }
        Map<String, Object> nameOnly = OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1);
        nameOnly.remove("enterprise_project_id");
        OrderFixtures.purchase(OrderFixtures.newCustomer(), UUID.randomUUID().toString(), List.of(nameOnly))
                .statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("products[0].enterprise_project_id"));
    }

    @Test
    void aProductBillingCannotPriceWithoutItsSizeIsRefusedNamingIt() {
        Map<String, Object> server = OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1);
        Map<String, Object> disk = OrderFixtures.product("disk", "vm", "sized.disk", 2, 1);
        disk.remove("resource_size");
        OrderFixtures.purchase(OrderFixtures.newCustomer(), UUID.randomUUID().toString(), List.of(server, disk))
                .statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("products[1].resource_size"));
    }
}
