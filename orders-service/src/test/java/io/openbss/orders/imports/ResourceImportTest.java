package io.openbss.orders.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.orders.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class ResourceImportTest {

    @Test
    void importedResourcesAreTheCustomersOnceAndOnlyForItsOwnOrders() {
        String customer = OrderFixtures.newCustomer();
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        String main = "imp-" + UUID.randomUUID();
        String sub = "imp-" + UUID.randomUUID();
        List<Map<String, Object>> resources = List.of(resource(main, null, customer, orderId, 3),
                resource(sub, main, customer, orderId, 3));
        importing(resources, CallerIdentity.operator("test")).statusCode(200).body("imported", equalTo(2));
        importing(resources, CallerIdentity.operator("test")).statusCode(200).body("imported", equalTo(0));
        given().header("Authorization", OrderFixtures.customerToken(customer)).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(main))).post("/v2/orders/suscriptions/resources/query").then()
                .statusCode(200).body("total_count", equalTo(2)).body("data[0].expire_policy", equalTo(3));
        String stranger = OrderFixtures.newCustomer();
        importing(List.of(resource("imp-" + UUID.randomUUID(), null, stranger, orderId, 0)),
                CallerIdentity.operator("test")).statusCode(200).body("imported", equalTo(0));
        importing(resources, CallerIdentity.service("a-cloud")).statusCode(403);
    }

    @Test
    void badInputNamesTheParameter() {
        Map<String, Object> bad = resource("x", null, "c", "o", 0);
        bad.put("expire_time", "2020-01-01T00:00:00Z");
        importing(List.of(bad), CallerIdentity.operator("test")).statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("expire_time"));
        Map<String, Object> policy = resource("x", null, "c", "o", 7);
        importing(List.of(policy), CallerIdentity.operator("test")).statusCode(400)
                .body("error_msg", containsString("expire_policy"));
    }

    private static ValidatableResponse importing(List<Map<String, Object>> resources, CallerIdentity caller) {
        return given().header("Authorization", InternalKeys.bearer("orders-service", caller))
                .contentType(ContentType.JSON).body(Map.of("resources", resources))
                .post("/internal/v1/subscriptions/imports").then();
    }

    private static Map<String, Object> resource(String id, String main, String customer, String order, int policy) {
        Map<String, Object> r = new HashMap<>();
        r.put("resource_id", id);
        r.put("main_resource_id", main);
        r.put("customer_id", customer);
        r.put("order_id", order);
        r.put("service_type_code", "hws.service.type.ec2");
        r.put("resource_type_code", "hws.resource.type.vm");
        r.put("resource_spec_code", "s6.large.2.linux");
        r.put("region_code", "cn-north-4");
        r.put("period_type", 2);
        r.put("period_num", 1);
        r.put("effective_time", "2026-01-01T00:00:00Z");
        r.put("expire_time", "2030-01-01T00:00:00Z");
        r.put("expire_policy", policy);
        return r;
    }
}
