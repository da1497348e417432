package io.openbss.orders.conditions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An IAM user whose policy keeps it to some cloud service types (passed by the gateway in its identity) acts on the
 * caller's orders and resources of those types only, whatever else the request names.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class ServiceTypeConditionTest {

    static final String RESOURCES = "/v2/orders/subscriptions/resources";

    String customer;
    String server;
    String orderId;

    @BeforeEach
    void aPaidServerWithItsDisk() {
        customer = OrderFixtures.newCustomer();
        JsonPath order = OrderFixtures.serverWithDisk(customer);
        FakeBilling.fund(customer, "1000.00");
        orderId = order.getString("order_id");
        OrderFixtures.pay(customer, Map.of("order_id", orderId)).statusCode(200);
        server = order.getList("resource_ids", String.class).get(0);
    }

    @Test
    void resourcesOfOtherServiceTypesAreRefused() {
        RequestSpecification ebsOnly = as(Set.of("hws.service.type.ebs"));
        ebsOnly.post(RESOURCES + "/autorenew/{id}?service_type_code=hws.service.type.ebs", server).then()
                .statusCode(403).body("error_code", equalTo("CBC.0151"));
        as(Set.of("hws.service.type.ebs")).delete(RESOURCES + "/autorenew/{id}", server).then().statusCode(403);
        as(Set.of("hws.service.type.ebs")).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(server), "period_type", 2, "period_num", 1))
                .post(RESOURCES + "/renew").then().statusCode(403).body("error_code", equalTo("CBC.0151"));
        as(Set.of("hws.service.type.ebs")).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(server), "unsubscribe_type", 1))
                .post(RESOURCES + "/unsubscribe").then().statusCode(403);
        as(Set.of("hws.service.type.ebs")).contentType(ContentType.JSON)
                .body(Map.of("operation", "SET_UP", "resource_ids", List.of(server)))
                .post(RESOURCES + "/to-on-demand").then().statusCode(403);
    }

    @Test
    void resourcesOfTheConditionsTypesAreServed() {
        as(Set.of("hws.service.type.ec2")).post(RESOURCES + "/autorenew/{id}", server).then().statusCode(200);
        as(Set.of("hws.service.type.ec2", "hws.service.type.ebs")).delete(RESOURCES + "/autorenew/{id}", server)
                .then().statusCode(200);
    }

    @Test
    void ordersOfOtherServiceTypesAreRefused() {
        as(Set.of("hws.service.type.ebs")).get("/v2/orders/customer-orders/details/{id}", orderId).then()
                .statusCode(403).body("error_code", equalTo("CBC.0151"));
        as(Set.of("hws.service.type.ebs")).queryParam("order_id", orderId)
                .get("/v2/orders/customer-orders/order-discounts").then().statusCode(403);
        as(Set.of("hws.service.type.ec2")).get("/v2/orders/customer-orders/details/{id}", orderId).then()
                .statusCode(200).body("order_info.order_id", equalTo(orderId));
    }

    @Test
    void theAccountItselfIsNotRestricted() {
        as(Set.of()).post(RESOURCES + "/autorenew/{id}", server).then().statusCode(200);
    }

    private RequestSpecification as(Set<String> serviceTypes) {
        CallerIdentity user = new CallerIdentity(customer, customer, CallerKind.INDIVIDUAL, "u-1", "operator",
                serviceTypes, false);
        return given().header("Authorization", InternalKeys.bearer("orders-service", user));
    }
}
