package io.openbss.orders.renewals;

import static io.openbss.orders.OrderFixtures.pay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.error.BssException;
import io.openbss.common.time.BssTime;
import io.openbss.common.time.ShiftableClock;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.lifecycle.ResourceLifecycle;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class RenewalsTest {

    @Inject
    RenewalService renewals;

    @Inject
    ResourceLifecycle lifecycle;

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    String customer;
    String server;
    String disk;

    @BeforeEach
    void aPaidServerWithItsDisk() {
        customer = OrderFixtures.newCustomer();
        JsonPath order = OrderFixtures.serverWithDisk(customer);
        server = order.getString("resource_ids[0]");
        disk = order.getString("resource_ids[1]");
        FakeBilling.fund(customer, "1000.00");
        pay(customer, Map.of("order_id", order.getString("order_id"))).statusCode(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        FakeBilling.recover();
    }

    @Test
    void aPaidRenewalExtendsTheMainResourceAndItsSubordinatesFromTheirExpiry() {
        Instant before = expiry(server);
        RenewalService.Result result = renew(server, 2, 1, 1);
        assertThat(result.failures()).isEmpty();
        Row order = order(result.orderIds().get(0));
        assertThat(order.getInteger("order_type")).isEqualTo(2);
        assertThat(order.getInteger("status")).isEqualTo(5);
        Instant after = before.atZone(BssTime.BUSINESS_ZONE).plusMonths(1).toInstant();
        assertThat(expiry(server)).isEqualTo(after);
        assertThat(expiry(disk)).isEqualTo(after);
        assertThat(subscription(server).getInteger("bought_months")).isEqualTo(2);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("640.00");
        assertThat(FakeBilling.REQUESTS.get("order:" + order.getString("order_id") + ":1")
                .getJsonArray("lines").getJsonObject(0).getInteger("bill_type")).isEqualTo(2);
    }

    @Test
    void aRenewalsLinesNameTheResourceTypeAndKeepTheResourcesProjects() {
        String renewal = renew(server, 2, 1, 0).orderIds().get(0);
        List<Row> lines = new ArrayList<>();
        pool.preparedQuery("SELECT resource_id FROM order_line WHERE order_id = $1 ORDER BY line_id")
                .execute(Tuple.of(renewal)).await().indefinitely().forEach(lines::add);
        assertThat(lines).extracting(l -> l.getString("resource_id")).containsExactly(server, disk);
        OrderFixtures.assertServerAndDiskLinesNamedInTheirProjects(pool, renewal);
    }

    @Test
    void anAutoPaidRenewalPaysWithTheBestDiscountAndTheCouponsPayOrdersWouldTakeAndShowsWhatWasCharged() {
        String discountCoupon = customer + "-discount";
        String cashCoupon = customer + "-cash";
        String secondDiscountCoupon = customer + "-discount-2";
        FakeBilling.giveDiscountCoupon(customer, discountCoupon, "0.90");
        FakeBilling.giveCashCoupon(customer, cashCoupon, "50.00");
        FakeBilling.giveDiscountCoupon(customer, secondDiscountCoupon, "0.50");
        FakeBilling.giveCashCoupon(OrderFixtures.newCustomer(), customer + "-someone-elses", "500.00");
        BigDecimal cashBefore = FakeBilling.cash(customer);

        RenewalService.Result result = renew(server, 2, 1, 1);
        assertThat(result.failures()).isEmpty();
        String orderId = result.orderIds().get(0);
        JsonObject charge = FakeBilling.REQUESTS.get("order:" + orderId + ":1");
        JsonObject charged = FakeBilling.POSTED.get("order:" + orderId + ":1");

        // ListOrderCouponsByOrderId's coupons as far as one payment may use them: one discount coupon
        assertThat(charge.getJsonArray("coupon_ids").getList()).containsExactly(discountCoupon, cashCoupon);
        JsonPath details = given().header("Authorization", OrderFixtures.customerToken(customer))
                .get("/v2/orders/customer-orders/details/" + orderId).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        // each line is charged with billing's best offer, as ListOrderDiscounts' first one takes off
        List<Map<String, Object>> lines = details.getList("order_line_items");
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = charge.getJsonArray("lines").getJsonObject(i);
            assertThat(decimal(line.getValue("discount_amount")))
                    .isEqualByComparingTo(details.getString("order_line_items[" + i
                            + "].amount_info.discounts[0].discount_amount"))
                    .isPositive();
        }
        assertThat(details.getInt("order_info.status")).isEqualTo(5);
        BigDecimal official = decimal(details.getString("order_info.official_amount"));
        BigDecimal afterDiscounts = decimal(details.getString("order_info.amount_after_discount"));
        assertThat(afterDiscounts).isEqualByComparingTo(decimal(charged.getValue("amount")));
        assertThat(decimal(details.getString("order_info.amount_info.coupon_amount")))
                .isEqualByComparingTo(decimal(charged.getValue("coupon_amount"))).isPositive();
        assertThat(decimal(details.getString("order_info.amount_info.stored_card_amount")))
                .isEqualByComparingTo(decimal(charged.getValue("stored_card_amount")));
        List<String> discountTypes = details.getList("order_info.amount_info.discounts.discount_type");
        assertThat(discountTypes).containsExactly("300", "605");
        BigDecimal discounts = details.getList("order_info.amount_info.discounts.discount_amount", BigDecimal.class)
                .stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(official.subtract(discounts)).isEqualByComparingTo(afterDiscounts);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo(cashBefore.subtract(
                decimal(charged.getValue("cash_amount"))));
        assertThat(decimal(charged.getValue("cash_amount"))).isLessThan(afterDiscounts);
        // and each line item shows what paid its bill line
        for (int i = 0; i < lines.size(); i++) {
            JsonObject paid = charged.getJsonArray("lines").getJsonObject(i);
            String info = "order_line_items[" + i + "].amount_info.";
            assertThat(decimal(details.getString(info + "coupon_amount")))
                    .isEqualByComparingTo(decimal(paid.getValue("coupon_amount")));
            assertThat(decimal(details.getString(info + "consumed_amount")))
                    .isEqualByComparingTo(decimal(paid.getValue("cash_amount")));
        }
        assertThat(details.getList("order_line_items.amount_info.coupon_amount", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(decimal(details.getString("order_info.amount_info.coupon_amount")));
    }

    @Test
    void withoutAutoPayTheRenewalWaitsForPaymentAndBlocksAnotherOne() {
        String orderId = renew(server, 3, 1, 0).orderIds().get(0);
        assertThat(order(orderId).getInteger("status")).isEqualTo(6);
        assertRefused(server, "CBC.99003100");
        pool.preparedQuery("UPDATE customer_order SET status = 3 WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely();
        assertRefused(server, "CBC.99003144");
        pool.preparedQuery("UPDATE customer_order SET status = 6 WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely();
        Instant before = expiry(server);
        FakeBilling.fund(customer, "5000.00");
        pay(customer, Map.of("order_id", orderId)).statusCode(200);
        assertThat(expiry(server)).isEqualTo(before.atZone(BssTime.BUSINESS_ZONE).plusYears(1).toInstant());
    }

    @Test
    void whatCannotBeRenewedIsRefused() {
        assertRefused(disk, "CBC.30010036");
        assertThatThrownBy(() -> renewals.renew(OrderFixtures.newCustomer(), request(server, 2, 1, 0), 1)
                .await().indefinitely()).isInstanceOfSatisfying(BssException.class,
                        e -> assertThat(e.code()).isEqualTo("CBC.0150"));
        assertThatThrownBy(() -> renew(server, 3, 3, 0)).isInstanceOfSatisfying(BssException.class,
                e -> assertThat(e.code()).isEqualTo("CBC.99003154"));
        pool.preparedQuery("UPDATE subscription SET status = 3 WHERE resource_id = $1").execute(Tuple.of(server))
                .await().indefinitely();
        assertRefused(server, "CBC.99003016");
        assertRefused("no-such-resource", "CBC.99003016");
    }

    @Test
    void aRenewalThatCannotBePaidWaitsForPaymentAndSaysWhy() {
        FakeBilling.fund(customer, "10.00");
        RenewalService.Result result = renew(server, 2, 1, 1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("CBC.30050006");
            assertThat(f.errorMsg()).contains("CBC.99005003");
            assertThat(f.resourceId()).isEqualTo(server);
        });
        assertThat(order(result.orderIds().get(0)).getInteger("status")).isEqualTo(6);
    }

    @Test
    void renewRatesWithAndWithoutSubordinates() {
        rate(false).body("renew_inquiry_results[0].resource_id", equalTo(server))
                .body("renew_inquiry_results[0].amount", equalTo("90.00"))
                .body("official_website_rating_result.official_website_amount", equalTo("100.00"));
        rate(true).body("renew_inquiry_results[0].amount", equalTo("180.00"))
                .body("optional_discount_rating_results[0].discount_id", equalTo(FakeBilling.DISCOUNT_ID))
                .body("optional_discount_rating_results[0].best_offer", equalTo(1))
                .body("currency", equalTo("CNY"));
        given().header("Authorization", OrderFixtures.customerToken(customer)).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(server), "period_type", 2, "period_num", 12))
                .post("/v2/bills/ratings/period-resources/renew-rate").then().statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("period_num"));
        given().header("Authorization", OrderFixtures.customerToken(customer)).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(disk), "period_type", 2, "period_num", 1))
                .post("/v2/bills/ratings/period-resources/renew-rate").then().statusCode(400)
                .body("error_code", equalTo("CBC.30010036"));
    }

    @Test
    void autoRenewalPaysFromTheDeductionDayAt3amOncePerDay() {
        autoRenew(server);
        Instant expiry = expiry(server);
        moveTo(expiry.atZone(BssTime.BUSINESS_ZONE).minusDays(8).with(LocalTime.of(12, 0)).toInstant());
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).isEqualTo(expiry);
        moveTo(expiry.atZone(BssTime.BUSINESS_ZONE).minusDays(7).with(LocalTime.of(2, 59)).toInstant());
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).isEqualTo(expiry);
        moveTo(expiry.atZone(BssTime.BUSINESS_ZONE).minusDays(7).with(LocalTime.of(3, 1)).toInstant());
        lifecycle.run().await().indefinitely();
        Instant renewed = expiry.atZone(BssTime.BUSINESS_ZONE).plusMonths(1).toInstant();
        assertThat(expiry(server)).isEqualTo(renewed);
        assertThat(expiry(disk)).isEqualTo(renewed);
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).isEqualTo(renewed);
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("640.00");
    }

    @Test
    void autoRenewalRetriesDailyUntilItCanPayThenTheResourceExpires() {
        autoRenew(server);
        Instant expiry = expiry(server);
        FakeBilling.fund(customer, "0.00");
        moveTo(expiry.atZone(BssTime.BUSINESS_ZONE).minusDays(7).with(LocalTime.of(4, 0)).toInstant());
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).isEqualTo(expiry);
        FakeBilling.fund(customer, "500.00");
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).as("one attempt a day").isEqualTo(expiry);
        moveTo(expiry.atZone(BssTime.BUSINESS_ZONE).minusDays(6).with(LocalTime.of(4, 0)).toInstant());
        lifecycle.run().await().indefinitely();
        assertThat(expiry(server)).isEqualTo(expiry.atZone(BssTime.BUSINESS_ZONE).plusMonths(1).toInstant());
        assertThat(FakeBilling.cash(customer)).isEqualByComparingTo("320.00");
    }

    @Test
    void anExpiredResourceIsKeptForItsRetentionPeriodThenDeleted() {
        Instant expiry = expiry(server);
        moveTo(expiry.plusSeconds(60));
        lifecycle.run().await().indefinitely();
        assertThat(subscription(server).getInteger("status")).isEqualTo(5);
        assertThat(subscription(disk).getInteger("status")).isEqualTo(5);
        assertThat(subscription(server).getOffsetDateTime("retention_end_time").toInstant())
                .isEqualTo(expiry.plus(Duration.ofDays(15)));
        moveTo(expiry.plus(Duration.ofDays(15)).plusSeconds(60));
        lifecycle.run().await().indefinitely();
        assertThat(subscription(server).getInteger("status")).isEqualTo(3);
        assertRefused(server, "CBC.99003016");
    }

    @Test
    void aResourceSetToConvertToPayPerUseLeavesItsYearlyMonthlyLifeAtExpiry() {
        pool.preparedQuery("UPDATE subscription SET expire_policy = 1 WHERE resource_id = ANY($1)")
                .execute(Tuple.of(new String[] {server, disk})).await().indefinitely();
        moveTo(expiry(server).plusSeconds(60));
        lifecycle.run().await().indefinitely();
        assertThat(subscription(server).getInteger("status")).isEqualTo(3);
        assertThat(subscription(server).getOffsetDateTime("retention_end_time")).isNull();
    }

    private ValidatableResponse rate(boolean withSubordinates) {
        return given().header("Authorization", OrderFixtures.customerToken(customer)).contentType(ContentType.JSON)
                .body(Map.of("resource_ids", List.of(server), "period_type", 2, "period_num", 1,
                        "include_relative_resources", withSubordinates))
                .post("/v2/bills/ratings/period-resources/renew-rate").then().statusCode(200);
    }

    private void autoRenew(String resourceId) {
        pool.preparedQuery("UPDATE subscription SET expire_policy = 3 WHERE resource_id = $1 OR main_resource_id = $1")
                .execute(Tuple.of(resourceId)).await().indefinitely();
    }

    private void moveTo(Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }

    private RenewalService.Result renew(String resourceId, int periodType, int periodNum, int autoPay) {
        return renewals.renew(customer, request(resourceId, periodType, periodNum, autoPay), 1).await().indefinitely();
    }

    private static RenewalRequest request(String resourceId, int periodType, int periodNum, int autoPay) {
        return new RenewalRequest(List.of(resourceId), periodType, periodNum, autoPay, null);
    }

    private void assertRefused(String resourceId, String code) {
        assertThatThrownBy(() -> renew(resourceId, 2, 1, 0)).isInstanceOfSatisfying(BssException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static BigDecimal decimal(Object amount) {
        return new BigDecimal(amount.toString());
    }

    private Instant expiry(String resourceId) {
        return subscription(resourceId).getOffsetDateTime("expire_time").toInstant();
    }

    private Row subscription(String resourceId) {
        return pool.preparedQuery("SELECT * FROM subscription WHERE resource_id = $1").execute(Tuple.of(resourceId))
                .await().indefinitely().iterator().next();
    }

    private Row order(String orderId) {
        return pool.preparedQuery("SELECT * FROM customer_order WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next();
    }
}
