package io.openbss.orders.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
    void anImportedResourceIsItsCatalogProductInItsProjects() {
        String customer = OrderFixtures.newCustomer();
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        String main = "imp-" + UUID.randomUUID();
        String sub = "imp-" + UUID.randomUUID();
        Map<String, Object> server = resource(main, null, customer, orderId, 0);
        server.put("project_id", OrderFixtures.PROJECT_ID);
        server.put("enterprise_project_id", OrderFixtures.ENTERPRISE_PROJECT_ID);
        server.put("enterprise_project_name", OrderFixtures.ENTERPRISE_PROJECT_NAME);
        Map<String, Object> disk = resource(sub, main, customer, orderId, 0);
        disk.put("service_type_code", "hws.service.type.ebs");
        disk.put("resource_type_code", "hws.resource.type.volume");
        disk.put("resource_spec_code", "SSD");
        importing(List.of(server, disk), CallerIdentity.operator("test")).statusCode(200)
                .body("imported", equalTo(2));
        JsonPath shown = given().header("Authorization", OrderFixtures.customerToken(customer))
                .contentType(ContentType.JSON).body(Map.of("resource_ids", List.of(main)))
                .post("/v2/orders/suscriptions/resources/query").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mainShown = shown.getMap("data.find { it.resource_id == '" + main + "' }");
        assertThat(mainShown.get("product_id")).isEqualTo("P-s6.large.2.linux");
        assertThat(mainShown.get("resource_type_name")).isEqualTo("云主机");
        assertThat(mainShown.get("project_id")).isEqualTo(OrderFixtures.PROJECT_ID);
        assertThat(mainShown.get("enterprise_project")).isEqualTo(Map.of("id", OrderFixtures.ENTERPRISE_PROJECT_ID,
                "name", OrderFixtures.ENTERPRISE_PROJECT_NAME));
        Map<String, Object> subShown = shown.getMap("data.find { it.resource_id == '" + sub + "' }");
        assertThat(subShown.get("product_id")).isEqualTo("P-SSD");
        assertThat(subShown.get("resource_type_name")).isEqualTo("云硬盘");
        assertThat(subShown).doesNotContainKeys("project_id", "enterprise_project");
    }

    @Test
    void resourcesBillingDoesNotSellAreRefusedNamingTheResource() {
        String customer = OrderFixtures.newCustomer();
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        Map<String, Object> unknown = resource("imp-" + UUID.randomUUID(), null, customer, orderId, 0);
        unknown.put("resource_spec_code", "unknown.spec");
        importing(List.of(unknown), CallerIdentity.operator("test")).statusCode(400)
                .body("error_code", equalTo("CBC.99006006"));
        String other = OrderFixtures.newCustomer();
        String otherOrder = OrderFixtures.serverWithDisk(other).getString("order_id");
        Map<String, Object> sized = resource("imp-" + UUID.randomUUID(), null, other, otherOrder, 0);
        sized.put("resource_spec_code", "sized.disk");
        importing(List.of(resource("imp-" + UUID.randomUUID(), null, customer, orderId, 0), sized),
                CallerIdentity.operator("test")).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("resources[1].resource_size"));
        assertThat(given().header("Authorization", OrderFixtures.customerToken(customer))
                .contentType(ContentType.JSON).body(Map.of("only_main_resource", 1, "limit", 500))
                .post("/v2/orders/suscriptions/resources/query").then().statusCode(200).extract().jsonPath()
                .getInt("total_count")).isZero();
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
        Map<String, Integer> limits = Map.of("project_id", 64, "enterprise_project_id", 256,
                "enterprise_project_name", 256);
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            Map<String, Object> tooLong = resource("x", null, "c", "o", 0);
            tooLong.put(limit.getKey(), "p".repeat(limit.getValue() + 1));
            importing(List.of(tooLong), CallerIdentity.operator("test")).statusCode(400)
                    .body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("resources[0]." + limit.getKey()));
        }
        Map<String, Object> nameOnly = resource("x", null, "c", "o", 0);
        nameOnly.put("enterprise_project_name", "production");
        importing(List.of(nameOnly), CallerIdentity.operator("test")).statusCode(400)
                .body("error_msg", containsString("resources[0].enterprise_project_id"));
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
