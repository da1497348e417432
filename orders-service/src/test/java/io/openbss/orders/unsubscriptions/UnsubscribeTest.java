package io.openbss.orders.unsubscriptions;

import static io.openbss.orders.OrderFixtures.pay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.error.BssException;
import io.openbss.common.time.ShiftableClock;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.renewals.RenewalRequest;
import io.openbss.orders.renewals.RenewalService;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class UnsubscribeTest {

    @Inject
    UnsubscribeService unsubscriptions;

    @Inject
    RenewalService renewals;

    @Inject
    RefundOrders refundOrders;

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    String customer;
    String orderId;
    String server;
    String disk;

    @BeforeEach
    void aPaidServerWithItsDisk() {
        customer = OrderFixtures.newCustomer();
        JsonPath order = OrderFixtures.serverWithDisk(customer);
        orderId = order.getString("order_id");
        server = order.getString("resource_ids[0]");
        disk = order.getString("resource_ids[1]");
        FakeBilling.fund(customer, "1000.00");
        pay(customer, Map.of("order_id", orderId)).statusCode(200);
    }

    @AfterEach
    void reset() {
        clock.reset();
        FakeBilling.recover();
    }

    @Test
    void unsubscribingTheResourceRefundsTheUnusedTimeAndClosesIt() {
        Instant effective = subscription(server).getOffsetDateTime("effective_time").toInstant();
        Instant expire = subscription(server).getOffsetDateTime("expire_time").toInstant();
        clock.advance(Duration.between(clock.instant(), effective.plus(Duration.between(effective, expire)
                .dividedBy(4))));
        List<String> refundOrders = unsubscribe(server, 1);
        assertThat(refundOrders).hasSize(1);
        Row refund = order(refundOrders.get(0));
        assertThat(refund.getInteger("order_type")).isEqualTo(4);
        assertThat(refund.getInteger("status")).isEqualTo(5);
        assertThat(refund.getString("base_order_id")).isEqualTo(orderId);
        // 3/4 of each line's 90.00 is unused, rounded down to the cent
        BigDecimal expected = new BigDecimal("67.50").multiply(BigDecimal.valueOf(2));
        assertThat(refund.getBigDecimal("amount_after_discount")).isBetween(expected.subtract(new BigDecimal("0.02")),
                expected);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo(new BigDecimal("820.00")
                .add(refund.getBigDecimal("amount_after_discount")));
        // the refund order shows what went back to cash, as its bill lines do
        assertThat(refund.getBigDecimal("consumed_amount")).isEqualByComparingTo(
                refund.getBigDecimal("amount_after_discount"));
        assertThat(refund.getBigDecimal("stored_card_amount")).isZero();
        JsonObject ledger = FakeBilling.REQUESTS.get("refund-order:" + refundOrders.get(0));
        assertThat(ledger.getString("refunds_trade_id")).isEqualTo(orderId);
        assertThat(ledger.getJsonArray("lines").getJsonObject(0).getInteger("bill_type")).isEqualTo(4);
        assertThat(subscription(server).getInteger("status")).isEqualTo(3);
        assertThat(subscription(disk).getInteger("status")).isEqualTo(3);
        JsonPath details = given().header("Authorization", OrderFixtures.customerToken(customer))
                .queryParam("order_id", refundOrders.get(0)).get("/v2/orders/customer-orders/refund-orders").then()
                .statusCode(200).extract().jsonPath();
        assertThat(details.getInt("total_count")).isEqualTo(2);
        assertThat(details.getList("refund_infos.base_order_id")).containsOnly(orderId);
        assertThat(details.getList("refund_infos.amount", Float.class)).allMatch(a -> a < 0);
        given().header("Authorization", OrderFixtures.customerToken(OrderFixtures.newCustomer()))
                .queryParam("order_id", refundOrders.get(0)).get("/v2/orders/customer-orders/refund-orders").then()
                .statusCode(403);
        assertThatThrownBy(() -> unsubscribe(server, 1)).isInstanceOfSatisfying(BssException.class,
                e -> assertThat(e.code()).isEqualTo("CBC.99003016"));
    }

    @Test
    void aRefundLineIsTheResourceItRefundsAsItsOrderLineRecordedIt() {
        String refund = unsubscribe(server, 1).get(0);
        Row line = pool.preparedQuery("SELECT * FROM order_line WHERE order_id = $1 AND resource_id = $2")
                .execute(Tuple.of(refund, disk)).await().indefinitely().iterator().next();
        assertThat(line.getString("resource_type_name")).isEqualTo("云硬盘");
        assertThat(line.getString("project_id")).isEqualTo(OrderFixtures.PROJECT_ID);
        assertThat(line.getString("enterprise_project_id")).isEqualTo(OrderFixtures.ENTERPRISE_PROJECT_ID);
        assertThat(line.getString("enterprise_project_name")).isEqualTo(OrderFixtures.ENTERPRISE_PROJECT_NAME);
    }

    @Test
    void unsubscribingOnlyTheRenewalsRefundsThemInFullAndKeepsTheResource() {
        FakeBilling.fund(customer, "5000.00");
        String renewal = renewals.renew(customer, new RenewalRequest(List.of(server), 2, 2, 1, null), 1)
                .await().indefinitely().orderIds().get(0);
        List<String> refundOrders = unsubscribe(server, 2);
        assertThat(refundOrders).hasSize(1);
        Row refund = order(refundOrders.get(0));
        assertThat(refund.getString("base_order_id")).isEqualTo(renewal);
        assertThat(refund.getBigDecimal("amount_after_discount")).isEqualByComparingTo("360.00");
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("5000.00");
        Row kept = subscription(server);
        assertThat(kept.getInteger("status")).isEqualTo(2);
        assertThat(kept.getOffsetDateTime("expire_time").toInstant()).isEqualTo(lineExpiry(orderId, server));
        // the renewal is refunded once: unsubscribing again gives back nothing more
        assertThat(unsubscribe(server, 2)).isEmpty();
    }

    @Test
    void aRefundTheLedgerDidNotAnswerIsSentAgainOnce() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        List<String> refundOrders = unsubscribe(server, 1);
        assertThat(order(refundOrders.get(0)).getInteger("status")).isEqualTo(3);
        FakeBilling.recover();
        clock.advance(Duration.ofMinutes(1));
        this.refundOrders.reconcile().await().indefinitely();
        this.refundOrders.reconcile().await().indefinitely();
        assertThat(order(refundOrders.get(0)).getInteger("status")).isEqualTo(5);
        assertThat(FakeBilling.moves("refund-order:" + refundOrders.get(0))).isEqualTo(1);
    }

    @Test
    void theReconcilerReportsTheRefundOrdersStillProcessing() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        String refund = unsubscribe(server, 1).get(0);
        FakeBilling.recover();
        // not yet due for the reconciler: it stays processing through this run
        this.refundOrders.reconcile().await().indefinitely();
        double backlog = refundBacklog();
        assertThat(backlog).isEqualTo(processingRefundOrders()).isGreaterThanOrEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        this.refundOrders.reconcile().await().indefinitely();
        assertThat(order(refund).getInteger("status")).isEqualTo(5);
        assertThat(refundBacklog()).isEqualTo(processingRefundOrders()).isLessThan(backlog);
    }

    @Test
    void onlyMainResourcesOfTheCallerWithoutOpenOrdersAreUnsubscribed() {
        assertThatThrownBy(() -> unsubscribe(disk, 1)).isInstanceOfSatisfying(BssException.class,
                e -> assertThat(e.code()).isEqualTo("CBC.30010036"));
        assertThatThrownBy(() -> unsubscriptions.unsubscribe(OrderFixtures.newCustomer(),
                new UnsubscribeRequest(List.of(server), 1, 1, null)).await().indefinitely())
                .isInstanceOfSatisfying(BssException.class, e -> assertThat(e.code()).isEqualTo("CBC.0150"));
        renewals.renew(customer, new RenewalRequest(List.of(server), 2, 1, 0, null), 1).await().indefinitely();
        assertThatThrownBy(() -> unsubscribe(server, 1)).isInstanceOfSatisfying(BssException.class,
                e -> assertThat(e.code()).isEqualTo("CBC.99003100"));
        assertThat(subscription(server).getInteger("status")).isEqualTo(2);
    }

    private List<String> unsubscribe(String resourceId, int type) {
        return unsubscriptions.unsubscribe(customer, new UnsubscribeRequest(List.of(resourceId), type, 5, "test"))
                .await().indefinitely();
    }

    private Instant lineExpiry(String order, String resourceId) {
        return pool.preparedQuery("SELECT expire_time FROM order_line WHERE order_id = $1 AND resource_id = $2")
                .execute(Tuple.of(order, resourceId)).await().indefinitely().iterator().next()
                .getOffsetDateTime("expire_time").toInstant();
    }

    private Row subscription(String resourceId) {
        return pool.preparedQuery("SELECT * FROM subscription WHERE resource_id = $1").execute(Tuple.of(resourceId))
                .await().indefinitely().iterator().next();
    }

    private double refundBacklog() {
        return registry.get("bss.orders.refunds.pending").gauge().value();
    }

    private long processingRefundOrders() {
        return pool.query("SELECT count(*) FROM customer_order WHERE order_type = 4 AND status = 3").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private Row order(String id) {
        return pool.preparedQuery("SELECT * FROM customer_order WHERE order_id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }
}
