package io.openbss.orders.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderImportResourceTest {

    static final String PATH = "/internal/v1/orders/imports";

    @Test
    void importingTwiceLeavesTheFirstImportUntouched() {
        Map<String, Object> order = order("CSIMPORT0001", 5);
        post(List.of(order)).statusCode(200).body("imported", contains("CSIMPORT0001"));
        Map<String, Object> changed = new HashMap<>(order);
        changed.put("status", 4);
        post(List.of(changed)).statusCode(200).body("already_present", contains("CSIMPORT0001"));
        given().header("Authorization", OrdersTestSupport.customer("importer"))
                .get("/v2/orders/customer-orders").then().statusCode(200)
                .body("order_infos[0].status", equalTo(5));
    }

    @Test
    void badOrdersAreRefusedWhole() {
        Map<String, Object> bad = order("CSIMPORT0002", 7);
        post(List.of(order("CSIMPORT0003", 5), bad)).statusCode(400).body("error_msg", containsString("orders[1].status"));
        given().header("Authorization", OrdersTestSupport.customer("importer"))
                .queryParam("order_id", "CSIMPORT0003").get("/v2/orders/customer-orders").then()
                .body("total_count", equalTo(0));
    }

    @Test
    void customersCannotImport() {
        given().header("Authorization", OrdersTestSupport.customer("importer")).contentType(ContentType.JSON)
                .body(Map.of("orders", List.of(order("CSIMPORT0004", 5)))).post(PATH).then().statusCode(403);
    }

    static Map<String, Object> order(String id, int status) {
        Map<String, Object> order = new HashMap<>();
        order.put("order_id", id);
        order.put("customer_id", "importer");
        order.put("service_type_code", "hws.service.type.ebs");
        order.put("service_type_name", "Elastic Volume Service");
        order.put("source_type", 1);
        order.put("status", status);
        order.put("order_type", 1);
        order.put("official_amount", 10);
        order.put("amount_after_discount", 10);
        order.put("create_time", "2026-10-01T00:00:00Z");
        return order;
    }

    static io.restassured.response.ValidatableResponse post(List<Map<String, Object>> orders) {
        return given().header("Authorization", InternalKeys.bearer(OrdersTestSupport.AUDIENCE,
                        CallerIdentity.operator("test")))
                .contentType(ContentType.JSON).body(Map.of("orders", orders)).post(PATH).then();
    }
}
