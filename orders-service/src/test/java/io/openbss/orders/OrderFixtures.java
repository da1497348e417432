package io.openbss.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.InternalKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Orders made through the internal purchase API and paid through the public API, for tests. */
public final class OrderFixtures {

    public static final String AUDIENCE = "orders-service";
    /** The project and enterprise project every fixture product is bought in. */
    public static final String PROJECT_ID = "0b6f4b0c5a00d3f52f2dc0138f4b9ac5";
    public static final String ENTERPRISE_PROJECT_ID = "c1ab06a0-6d3c-4b7a-9f0e-2c5a1f3b7e11";
    public static final String ENTERPRISE_PROJECT_NAME = "production";

    private OrderFixtures() {
    }

    /**
     * Asserts that the order's lines, a server and its disk, name their resource types and carry the project and the
     * enterprise project every fixture product is bought in.
     */
    public static void assertServerAndDiskLinesNamedInTheirProjects(Pool pool, String orderId) {
        List<Row> lines = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM order_line WHERE order_id = $1 ORDER BY line_id").execute(Tuple.of(orderId))
                .await().indefinitely().forEach(lines::add);
        assertThat(lines).extracting(l -> l.getString("resource_type_name")).containsExactly("云主机", "云硬盘");
        assertThat(lines).extracting(l -> l.getString("project_id")).containsOnly(PROJECT_ID);
        assertThat(lines).extracting(l -> l.getString("enterprise_project_id")).containsOnly(ENTERPRISE_PROJECT_ID);
        assertThat(lines).extracting(l -> l.getString("enterprise_project_name"))
                .containsOnly(ENTERPRISE_PROJECT_NAME);
    }

    public static String customerToken(String customerId) {
        return InternalKeys.bearer(AUDIENCE, customerId, CallerKind.INDIVIDUAL);
    }

    public static String newCustomer() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A product of a purchase: {@code mainId} null for a main resource. */
    public static Map<String, Object> product(String id, String mainId, String spec, int periodType, int periodNum) {
        Map<String, Object> product = new HashMap<>();
        product.put("id", id);
        product.put("main_id", mainId);
        product.put("service_type_code", mainId == null ? "hws.service.type.ec2" : "hws.service.type.ebs");
        product.put("service_type_name", mainId == null ? "弹性云服务器" : "云硬盘");
        product.put("resource_type_code", mainId == null ? "hws.resource.type.vm" : "hws.resource.type.volume");
        product.put("resource_spec_code", spec);
        product.put("region_code", "cn-north-4");
        product.put("period_type", periodType);
        product.put("period_num", periodNum);
        product.put("resource_name", id);
        product.put("project_id", PROJECT_ID);
        product.put("enterprise_project_id", ENTERPRISE_PROJECT_ID);
        product.put("enterprise_project_name", ENTERPRISE_PROJECT_NAME);
        return product;
    }

    public static ValidatableResponse purchase(String customerId, String key, List<Map<String, Object>> products) {
        return given().header("Authorization", InternalKeys.bearer(AUDIENCE, CallerIdentity.service("test-cloud")))
                .contentType(ContentType.JSON)
                .body(Map.of("idempotency_key", key, "customer_id", customerId, "products", products))
                .post("/internal/v1/purchases").then();
    }

    /** A server (1 month) with a disk: the order id and the two resource ids, main first. */
    public static JsonPath serverWithDisk(String customerId) {
        return purchase(customerId, UUID.randomUUID().toString(), List.of(
                product("vm", null, "s6.large.2.linux", 2, 1), product("disk", "vm", "SSD", 2, 1)))
                .statusCode(201).extract().jsonPath();
    }

    public static ValidatableResponse pay(String customerId, Map<String, Object> body) {
        return given().header("Authorization", customerToken(customerId)).contentType(ContentType.JSON).body(body)
                .post("/v3/orders/customer-orders/pay").then();
    }
}
