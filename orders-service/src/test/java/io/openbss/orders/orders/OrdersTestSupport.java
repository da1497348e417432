package io.openbss.orders.orders;

import static io.restassured.RestAssured.given;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.InternalKeys;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

final class OrdersTestSupport {

    static final String AUDIENCE = "orders-service";

    private OrdersTestSupport() {
    }

    static String customer(String id) {
        return InternalKeys.bearer(AUDIENCE, id, CallerKind.ENTERPRISE_MASTER);
    }

    static void importOrders(List<Map<String, Object>> orders) {
        given().header("Authorization", InternalKeys.bearer(AUDIENCE, CallerIdentity.operator("test")))
                .contentType(ContentType.JSON).body(Map.of("orders", orders))
                .post("/internal/v1/orders/imports").then().statusCode(200);
    }
}
