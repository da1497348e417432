package io.openbss.orders.payments;

import static io.openbss.orders.OrderFixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class PaymentsTest {

    @Inject
    Pool pool;

    @Inject
    PaymentReconciler reconciler;

    String customer;
    String orderId;
    List<String> resources;

    @BeforeEach
    void aPendingOrder() {
        customer = OrderFixtures.newCustomer();
        JsonPath order = OrderFixtures.serverWithDisk(customer);
        orderId = order.getString("order_id");
        resources = order.getList("resource_ids");
        FakeBilling.fund(customer, "1000.00");
    }

    @AfterEach
    void billingRecovers() {
        FakeBilling.recover();
    }

    @Test
    void aNewOrderIsPricedByBillingAndWaitsForPayment() {
        Row order = order();
        assertThat(order.getInteger("status")).isEqualTo(6);
        assertThat(order.getInteger("order_type")).isEqualTo(1);
        assertThat(order.getBigDecimal("official_amount")).isEqualByComparingTo("200.00");
        assertThat(order.getBigDecimal("amount_after_discount")).isEqualByComparingTo("180.00");
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void payingChargesOnceThenProvisionsTheResourcesWithTheirPeriod() {
        pay(customer, body(null, null)).statusCode(200);
        pay(customer, body(null, null)).statusCode(200);
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("820.00");
        Row order = order();
        assertThat(order.getInteger("status")).isEqualTo(5);
        assertThat(order.getOffsetDateTime("payment_time")).isNotNull();
        assertThat(order.getBigDecimal("consumed_amount")).isEqualByComparingTo("180.00");
        List<Row> subs = subscriptions();
        assertThat(subs).extracting(r -> r.getString("resource_id")).containsExactlyInAnyOrderElementsOf(resources);
        Row server = subs.stream().filter(r -> r.getString("main_resource_id") == null).findFirst().orElseThrow();
        Row disk = subs.stream().filter(r -> r.getString("main_resource_id") != null).findFirst().orElseThrow();
        assertThat(disk.getString("main_resource_id")).isEqualTo(server.getString("resource_id"));
        assertThat(server.getInteger("status")).isEqualTo(2);
        OffsetDateTime effective = server.getOffsetDateTime("effective_time");
        assertThat(server.getOffsetDateTime("expire_time").toInstant())
                .isEqualTo(effective.atZoneSameInstant(ZoneOffset.ofHours(8)).plusMonths(1).toInstant());
        JsonObject charge = FakeBilling.REQUESTS.get("order:" + orderId + ":1");
        assertThat(charge.getString("trade_id")).isEqualTo(orderId);
        assertThat(charge.getJsonArray("lines")).hasSize(2);
    }

    @Test
    void theChosenDiscountOrNoneDecidesTheAmount() {
        pay(customer, body("NO", null)).statusCode(200);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("800.00");
        // the order shows the discounts it was charged with, as its bill lines do: none
        assertThat(discounts(orderId)).isEmpty();
        String other = OrderFixtures.newCustomer();
        String second = OrderFixtures.serverWithDisk(other).getString("order_id");
        FakeBilling.fund(other, "1000.00");
        pay(other, body(second, "YES", FakeBilling.DISCOUNT_ID)).statusCode(200);
        assertThat(FakeBilling.cash(other)).isEqualByComparingTo("820.00");
        assertThat(discounts(second)).containsExactly(Map.entry("605", new BigDecimal("20.00")));
        String third = OrderFixtures.serverWithDisk(other).getString("order_id");
        pay(other, body(third, "YES", "not-offered")).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("discount_infos"));
        assertThat(FakeBilling.charges("order:" + third)).isZero();
    }

    @Test
    void aRefusedPaymentChargesNothingAndTheOrderWaitsForPaymentAgain() {
        FakeBilling.fund(customer, "100.00");
        pay(customer, body(null, null)).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        assertThat(order().getInteger("status")).isEqualTo(6);
        assertThat(subscriptions()).isEmpty();
        FakeBilling.fund(customer, "500.00");
        pay(customer, body(null, null)).statusCode(200);
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(FakeBilling.POSTED).containsKey("order:" + orderId + ":2");
        assertThat(subscriptions()).hasSize(2);
    }

    @Test
    void onlyTheCustomerOrItsPayerPaysAndOnlyAPendingOrder() {
        pay(OrderFixtures.newCustomer(), body(null, null)).statusCode(403).body("error_code", equalTo("CBC.0150"));
        pay(customer, body("CS-none", null, null)).statusCode(400).body("error_code", equalTo("CBC.0101"));
        pay(customer, body(null, null)).statusCode(200);
        pay(customer, body("NO", null)).statusCode(400).body("error_msg", containsString("is paid"));
    }

    @Test
    void badInputNamesTheParameter() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("use_coupon", "MAYBE");
        bad.put("use_discount", "yes");
        bad.put("order_id", "");
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            Map<String, Object> request = body(null, null);
            request.put(field.getKey(), field.getValue());
            pay(customer, request).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(field.getKey()));
        }
        Map<String, Object> coupons = body(null, null);
        coupons.put("use_coupon", "YES");
        pay(customer, coupons).statusCode(400).body("error_msg", containsString("coupon_infos"));
        coupons.put("coupon_infos", List.of(Map.of("id", "a", "type", 301), Map.of("id", "b", "type", 301),
                Map.of("id", "c", "type", 301), Map.of("id", "d", "type", 301)));
        pay(customer, coupons).statusCode(400).body("error_msg", containsString("coupon_infos"));
        coupons.put("coupon_infos", List.of(Map.of("id", "a", "type", 299)));
        pay(customer, coupons).statusCode(400).body("error_msg", containsString("coupon_infos[0].type"));
        Map<String, Object> discount = body("YES", null);
        pay(customer, discount).statusCode(400).body("error_msg", containsString("discount_infos"));
        assertThat(FakeBilling.charges("order:" + orderId)).isZero();
        assertThat(order().getInteger("status")).isEqualTo(6);
    }

    @Test
    void anAnswerLostAfterTheChargeIsRetriedWithTheSameKey() {
        FakeBilling.fail(FakeBilling.Mode.LOSE_ANSWER, 1);
        pay(customer, body(null, null)).statusCode(200);
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(subscriptions()).hasSize(2);
    }

    @Test
    void duringAnOutageThePaymentStaysPendingAndTheReconcilerFinishesIt() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        // the charge's outcome is unknown: in progress (a refusal to ask again), not a fault of this service
        pay(customer, body(null, null)).statusCode(400).body("error_code", equalTo("CBC.99003144"))
                .body("error_msg", containsString(orderId)).body("error_msg", containsString("in progress"));
        pay(customer, body(null, null)).statusCode(400).body("error_code", equalTo("CBC.99003144"));
        assertThat(order().getInteger("status")).isEqualTo(3);
        assertThat(subscriptions()).isEmpty();
        FakeBilling.recover();
        reconcileAfterTheGracePeriod();
        assertThat(order().getInteger("status")).isEqualTo(5);
        assertThat(subscriptions()).hasSize(2);
        pay(customer, body(null, null)).statusCode(200);
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
    }

    @Test
    void aChargeMadeBeforeACrashIsProvisionedOnceAndNeverChargedAgain() {
        // the charge reached the ledger, then orders-service died before recording it
        FakeBilling.fail(FakeBilling.Mode.LOSE_ANSWER, Integer.MAX_VALUE);
        pay(customer, body(null, null)).statusCode(400).body("error_code", equalTo("CBC.99003144"));
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(subscriptions()).isEmpty();
        FakeBilling.recover();
        reconcileAfterTheGracePeriod();
        reconcileAfterTheGracePeriod();
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("820.00");
        assertThat(subscriptions()).hasSize(2);
        assertThat(order().getInteger("status")).isEqualTo(5);
    }

    @Test
    void aPendingPaymentTheLedgerRefusesReturnsTheOrderToPendingPayment() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        pay(customer, body(null, null)).statusCode(400).body("error_code", equalTo("CBC.99003144"));
        FakeBilling.recover();
        FakeBilling.fund(customer, "1.00");
        reconcileAfterTheGracePeriod();
        assertThat(order().getInteger("status")).isEqualTo(6);
        assertThat(subscriptions()).isEmpty();
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isZero();
    }

    @Test
    void concurrentPaymentsOfOneOrderChargeOnceAndTheOthersAreToldItIsInProgress() {
        List<Response> answers = payInParallel(10);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 400));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 400)
                .allSatisfy(answer -> assertThat(answer.jsonPath().getString("error_code")).isEqualTo("CBC.99003144"));
        assertThat(answers).anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(subscriptions()).hasSize(2);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("820.00");
    }

    @Test
    void paymentsWhileAnotherIsAtTheLedgerAreRefusedAsInProgressNotAsAFault() throws Exception {
        CompletableFuture<Void> charging = FakeBilling.holdCharges();
        ExecutorService first = Executors.newSingleThreadExecutor();
        Future<Response> winner = first.submit(() -> pay(customer, body(null, null)).extract().response());
        // the first payment waits at the ledger: the order is being paid while the others ask
        charging.get(30, TimeUnit.SECONDS);
        List<Response> others = payInParallel(9);
        FakeBilling.releaseCharges();
        assertThat(others).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("error_code")).isEqualTo("CBC.99003144");
            assertThat(answer.jsonPath().getString("error_msg")).contains(orderId).contains("in progress");
        });
        assertThat(winner.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        first.shutdown();
        assertThat(FakeBilling.charges("order:" + orderId + ":")).isEqualTo(1);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("820.00");
    }

    /** {@code n} PayOrders of the order sent at once, each from its own thread. */
    private List<Response> payInParallel(int n) {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> calls = callers.invokeAll(IntStream.range(0, n)
                    .<Callable<Response>>mapToObj(i -> () -> pay(customer, body(null, null)).extract().response())
                    .toList());
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            callers.shutdown();
        }
    }

    private void reconcileAfterTheGracePeriod() {
        pool.query("UPDATE order_payment SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING'")
                .execute().await().indefinitely();
        reconciler.reconcile().await().atMost(Duration.ofSeconds(30));
    }

    /** The order's discounts by type, as ShowCustomerOrderDetails shows them. */
    private Map<String, BigDecimal> discounts(String order) {
        Map<String, BigDecimal> discounts = new java.util.TreeMap<>();
        pool.preparedQuery("SELECT discount_type, discount_amount FROM order_discount WHERE order_id = $1")
                .execute(Tuple.of(order)).await().indefinitely()
                .forEach(row -> discounts.put(row.getString("discount_type"), row.getBigDecimal("discount_amount")));
        return discounts;
    }

    private Row order() {
        return pool.preparedQuery("SELECT * FROM customer_order WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next();
    }

    private List<Row> subscriptions() {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM subscription WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().forEach(rows::add);
        return rows;
    }

    private Map<String, Object> body(String useDiscount, String discountId) {
        return body(orderId, useDiscount, discountId);
    }

    private static Map<String, Object> body(String orderId, String useDiscount, String discountId) {
        Map<String, Object> body = new HashMap<>();
        body.put("order_id", orderId);
        body.put("use_coupon", "NO");
        if (useDiscount != null) {
            body.put("use_discount", useDiscount);
        }
        if (discountId != null) {
            body.put("discount_infos", List.of(Map.of("id", discountId, "type", 2)));
        }
        return body;
    }

}
