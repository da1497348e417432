package io.openbss.orders.orders;

import static io.openbss.orders.OrderFixtures.customerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.time.ShiftableClock;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderCancellationTest {

    static final String PATH = "/v2/orders/customer-orders/cancel";

    @Inject
    Pool pool;

    @Inject
    ShiftableClock clock;

    @Inject
    OrderCancellation cancellation;

    String customer;
    String orderId;

    @BeforeEach
    void aPendingOrder() {
        customer = OrderFixtures.newCustomer();
        orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        FakeBilling.fund(customer, "1000.00");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPendingOrderIsCancelledAndCanNoLongerBePaid() {
        cancel(customer, Map.of("order_id", orderId)).statusCode(200).body("$", anEmptyMap());
        assertThat(status(orderId)).isEqualTo(4);
        OrderFixtures.pay(customer, payment(orderId)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("cancelled"));
        assertThat(FakeBilling.charges("order:" + orderId)).isZero();
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("1000.00");
        cancel(customer, Map.of("order_id", orderId)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("already cancelled"));
    }

    @Test
    void onlyAnOrderWaitingForPaymentIsCancelled() {
        OrderFixtures.pay(customer, payment(orderId)).statusCode(200);
        cancel(customer, Map.of("order_id", orderId)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("is paid"));
        assertThat(status(orderId)).isEqualTo(5);
        setStatus(orderId, 3);
        cancel(customer, Map.of("order_id", orderId)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("being paid"));
        assertThat(status(orderId)).isEqualTo(3);
    }

    @Test
    void theMasterPayingForASubAccountMayCancelItsOrder() {
        String master = OrderFixtures.newCustomer();
        String subOrder = OrderDetailsTest.purchasePaidBy(customer, master);
        cancel(master, Map.of("order_id", subOrder)).statusCode(200);
        assertThat(status(subOrder)).isEqualTo(4);
    }

    @Test
    void anotherCustomersOrderIsRefusedAndLeftAlone() {
        cancel(OrderFixtures.newCustomer(), Map.of("order_id", orderId)).statusCode(403)
                .body("error_code", equalTo("CBC.0150"));
        assertThat(status(orderId)).isEqualTo(6);
        cancel(customer, Map.of("order_id", "CS-no-such-order")).statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
    }

    @Test
    void badInputNamesTheParameter() {
        cancel(customer, Map.of()).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("order_id"));
        cancel(customer, Map.of("order_id", "")).statusCode(400).body("error_msg", containsString("order_id"));
        cancel(customer, Map.of("order_id", List.of(orderId))).statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("order_id"));
        cancel(customer, Map.of("order_id", "C".repeat(65))).statusCode(400)
                .body("error_msg", containsString("order_id"));
        given().header("Authorization", customerToken(customer)).contentType(ContentType.JSON).body("{\"order_id\":")
                .put(PATH).then().statusCode(400).body("error_code", equalTo("CBC.0100"));
        assertThat(status(orderId)).isEqualTo(6);
    }

    @Test
    void theJobCancelsOrdersUnpaidAtTheEndOfTheirWindowOnly() {
        cancellation.cancelUnpaid().await().atMost(Duration.ofSeconds(30));
        assertThat(status(orderId)).isEqualTo(6);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        String younger = OrderFixtures.serverWithDisk(customer).getString("order_id");
        cancellation.cancelUnpaid().await().atMost(Duration.ofSeconds(30));
        assertThat(status(orderId)).isEqualTo(6);

        clock.advance(Duration.ofMinutes(2));
        String newer = OrderFixtures.serverWithDisk(customer).getString("order_id");
        cancellation.cancelUnpaid().await().atMost(Duration.ofSeconds(30));
        assertThat(status(orderId)).isEqualTo(4);
        assertThat(status(younger)).isEqualTo(6);
        assertThat(status(newer)).isEqualTo(6);
        OrderFixtures.pay(customer, payment(orderId)).statusCode(400).body("error_code", equalTo("CBC.0101"));
        assertThat(FakeBilling.charges("order:" + orderId)).isZero();
        OrderFixtures.pay(customer, payment(newer)).statusCode(200);
        assertThat(status(newer)).isEqualTo(5);
    }

    @Test
    void theJobLeavesPaidAndProcessingOrdersAlone() {
        OrderFixtures.pay(customer, payment(orderId)).statusCode(200);
        String processing = OrderFixtures.serverWithDisk(customer).getString("order_id");
        setStatus(processing, 3);
        clock.advance(Duration.ofDays(8));
        cancellation.cancelUnpaid().await().atMost(Duration.ofSeconds(30));
        assertThat(status(orderId)).isEqualTo(5);
        assertThat(status(processing)).isEqualTo(3);
    }

    /**
     * A run reads what is due, not every order waiting for payment: with 5,000 orders waiting and none due, the
     * cancelling statement reads a few index pages. Without the index of orders waiting by the end of their window it
     * read all of them, and under a plan built on statistics that had seen none waiting it read them once per order
     * waiting (26 s for 4,471 orders in a bench run).
     */
    @Test
    void aRunReadsWhatIsDueNotEveryOrderWaitingForPayment() {
        String prefix = "W" + customer.substring(0, 8);
        pool.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, service_type_code, service_type_name,
                            source_type, status, order_type, official_amount, amount_after_discount, create_time,
                            pending_payment_end_time)
                        SELECT $1 || n, $2, 'hws.service.type.ec2', 'ECS', 1, $3, 1, 100, 90, now(),
                               now() + interval '7 days'
                          FROM generate_series(1, 5000) n""")
                .execute(Tuple.of(prefix, customer, OrderStatus.PENDING_PAYMENT.code())).await().indefinitely();
        try {
            pool.query("ANALYZE customer_order").execute().await().indefinitely();
            // nothing is due before 1970: the statement runs in full and changes nothing
            JsonObject plan = pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                            + OrderTransitions.CANCEL_UNPAID)
                    .execute(Tuple.of(OffsetDateTime.parse("1970-01-01T00:00:00Z"), 500,
                            OrderStatus.PENDING_PAYMENT.code(), OrderStatus.CANCELLED.code())).await().indefinitely()
                    .iterator().next().getJsonArray(0).getJsonObject(0).getJsonObject("Plan");
            assertThat(plan.getInteger("Actual Rows")).isZero();
            assertThat(plan.getInteger("Shared Hit Blocks") + plan.getInteger("Shared Read Blocks"))
                    .as("buffers read by a run with 5,000 orders waiting and none due: %s", plan)
                    .isLessThan(50);
        } finally {
            pool.preparedQuery("DELETE FROM customer_order WHERE order_id LIKE $1 || '%'").execute(Tuple.of(prefix))
                    .await().indefinitely();
        }
    }

    static ValidatableResponse cancel(String caller, Map<String, Object> body) {
        return given().header("Authorization", customerToken(caller)).contentType(ContentType.JSON).body(body)
                .put(PATH).then();
    }

    static Map<String, Object> payment(String orderId) {
        return Map.of("order_id", orderId, "use_coupon", "NO");
    }

    int status(String order) {
        return pool.preparedQuery("SELECT status FROM customer_order WHERE order_id = $1").execute(Tuple.of(order))
                .await().indefinitely().iterator().next().getInteger(0);
    }

    void setStatus(String order, int status) {
        pool.preparedQuery("UPDATE customer_order SET status = $2 WHERE order_id = $1")
                .execute(Tuple.of(order, status)).await().indefinitely();
    }
}
