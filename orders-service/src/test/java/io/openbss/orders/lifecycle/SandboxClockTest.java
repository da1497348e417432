package io.openbss.orders.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's business clock cannot be moved unless it is a sandbox's (bss.sandbox.clock-control, off here). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class SandboxClockTest {

    static final String CLOCK = "/internal/v1/sandbox/clock";

    @Test
    void outsideASandboxTheClockIsRealTimeAndStaysSo() {
        String operator = InternalKeys.bearer("orders-service", CallerIdentity.operator("test"));
        given().header("Authorization", operator).get(CLOCK).then().statusCode(200)
                .body("offset_seconds", equalTo(0)).body("clock_control", equalTo(false));
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body(Map.of("offset_seconds", 86400)).put(CLOCK).then().statusCode(403)
                .body("error_code", equalTo("CBC.0151"));
        given().header("Authorization", OrderFixtures.customerToken(OrderFixtures.newCustomer()))
                .contentType(ContentType.JSON).body(Map.of("offset_seconds", 86400)).put(CLOCK).then()
                .statusCode(403);
        given().header("Authorization", operator).get(CLOCK).then().statusCode(200)
                .body("offset_seconds", equalTo(0));
    }
}
