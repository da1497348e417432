package io.openbss.orders.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.FakeEgress;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A linked account's orders are the upstream's: PayOrders is sent once per order_id, views as asked. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeEgress.class)
class UpstreamPaymentsTest {

    static final String PAY = "/v3/orders/customer-orders/pay";
    static final String ORDERS = "/v2/orders/customer-orders";

    final String customer = "c" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void egressAnswers() {
        FakeEgress.reset();
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsAnsweredOnceTheRepeatGetsOne() {
        String orderId = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonObject pay = new JsonObject().put("order_id", orderId).put("use_coupon", "NO").put("use_discount", "NO");
        FakeEgress.loseAnswers(3);
        pay(pay).statusCode(503).body("error_code", equalTo("CBC.0999")).body("error_msg", containsString("order_id"));
        pay(pay).statusCode(200);
        pay(pay).statusCode(200);
        assertThat(FakeEgress.received(PAY)).isEqualTo(4);
        assertThat(FakeEgress.MOVES.get(orderId).get()).isEqualTo(1);
        pay(pay.copy().put("use_coupon", "YES")).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("order_id"));
        assertThat(FakeEgress.received(PAY)).isEqualTo(4);
    }

    @Test
    void aRefusedPaymentIsAnsweredAndTheOrderMayBePaidLater() {
        String orderId = "CS" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonObject pay = new JsonObject().put("order_id", orderId).put("use_coupon", "NO").put("use_discount", "NO");
        FakeEgress.refuse(1, "CBC.99005003");
        pay(pay).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        pay(pay.copy().put("use_coupon", "YES")).statusCode(200);
        pay(pay.copy().put("use_coupon", "YES")).statusCode(200);
        assertThat(FakeEgress.received(PAY)).isEqualTo(2);
        assertThat(FakeEgress.MOVES.get(orderId).get()).isEqualTo(1);
    }

    @Test
    void aLinkedCallersOrdersAreTheUpstreamsAndAnUnlinkedCallersAreLocal() {
        FakeEgress.answer(200, "{\"total_count\":7,\"order_infos\":[]}");
        given().header("Authorization", bearer(true)).queryParam("limit", "5").get(ORDERS).then().statusCode(200)
                .body("total_count", equalTo(7)).header("X-Upstream-Request-Id", "up-1");
        given().header("Authorization", bearer(false)).queryParam("limit", "5").get(ORDERS).then().statusCode(200)
                .body("total_count", equalTo(0));
        assertThat(FakeEgress.RECEIVED).hasSize(1);
        assertThat(FakeEgress.RECEIVED.getFirst().uri()).isEqualTo("/internal/upstream" + ORDERS + "?limit=5");
    }

    @Test
    void anIamUserKeptToSomeServiceTypesMayNotPayALinkedAccountsOrderWhoseTypesOnlyTheUpstreamKnows() {
        String user = InternalKeys.bearer("orders-service", new CallerIdentity(customer, "name",
                CallerKind.INDIVIDUAL, "u-1", "finance", Set.of("hws.service.type.ebs"), true));
        JsonObject pay = new JsonObject().put("order_id", "CS2612030000ABCDE").put("use_coupon", "NO");
        given().header("Authorization", user).contentType(ContentType.JSON).body(pay.encode()).post(PAY).then()
                .statusCode(403).body("error_code", equalTo("CBC.0151"));
        assertThat(FakeEgress.RECEIVED).isEmpty();
    }

    private ValidatableResponse pay(JsonObject body) {
        return given().header("Authorization", bearer(true)).contentType(ContentType.JSON).body(body.encode())
                .post(PAY).then();
    }

    private String bearer(boolean linked) {
        return InternalKeys.bearer("orders-service", new CallerIdentity(customer, "name", CallerKind.INDIVIDUAL,
                null, null, Set.of(), linked));
    }
}
