package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class CouponsTest {

    static final String COUPONS = "/v2/promotions/benefits/coupons";
    static final String CARDS = "/v2/promotions/benefits/stored-value-cards";
    static final String CHANGES = "/v2/promotions/benefits/account-change-records";

    @Inject
    Pool pool;

    @Test
    void couponsAreListedWithTheirStatusAndBalance() {
        String id = funded("100.00");
        String usable = issue(id, 1, "30.00", null, "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        String future = issue(id, 1, "10.00", null, "2035-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        String discount = issue(id, 2, "5.00", "0.9000", "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        charge("use-" + id, id, List.of(line("hws.service.type.ec2", "12.00")), Map.of("coupon_ids", List.of(usable)))
                .statusCode(200);

        JsonPath all = list(id, Map.of()).extract().jsonPath();
        assertThat(all.getInt("count")).isEqualTo(3);
        assertThat(status(all, usable)).isEqualTo(2);
        assertThat(all.getFloat("user_coupons.find { it.coupon_id == '" + usable + "' }.balance")).isEqualTo(18.0f);
        assertThat(all.getFloat("user_coupons.find { it.coupon_id == '" + usable + "' }.face_value")).isEqualTo(30.0f);
        assertThat(status(all, future)).isEqualTo(1);
        assertThat(status(all, discount)).isEqualTo(2);

        assertThat(list(id, Map.of("status", "1")).extract().jsonPath().getList("user_coupons.coupon_id"))
                .containsExactly(future);
        assertThat(list(id, Map.of("coupon_type", "2")).extract().jsonPath().getList("user_coupons.coupon_id"))
                .containsExactly(discount);
        assertThat(list(id, Map.of("order_id", "CS-use-" + id)).extract().jsonPath().getList("user_coupons.coupon_id"))
                .containsExactly(usable);
        assertThat(list(id, Map.of("limit", "1", "offset", "1")).extract().jsonPath().getList("user_coupons"))
                .hasSize(1);
        given().header("Authorization", customer(id)).urlEncodingEnabled(false).get(COUPONS + "?coupon_id=").then()
                .statusCode(200).body("count", equalTo(0));
    }

    @Test
    void anotherCustomerSeesNoneOfThem() {
        String id = funded("0");
        issue(id, 1, "30.00", null, "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        assertThat(list(funded("0"), Map.of()).extract().jsonPath().getInt("count")).isZero();
    }

    @Test
    void aCouponGivenToASubAccountCanBeTakenBack() {
        String master = funded("0");
        String sub = funded("0");
        String coupon = issue(master, 1, "50.00", null, "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        String given = internal("/internal/v1/coupons/" + coupon + "/transfers", Map.of("idempotency_key",
                "give-" + coupon, "to_customer_id", sub, "amount", new BigDecimal("20.00"))).statusCode(200)
                .extract().path("id");
        LedgerProbe probe = new LedgerProbe(pool);
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("30.00");
        assertThat(probe.instrumentBalance(given)).isEqualByComparingTo("20.00");
        assertThat(list(sub, Map.of("source_id", coupon)).extract().jsonPath().getList("user_coupons.coupon_id"))
                .containsExactly(given);

        internal("/internal/v1/coupons/" + given + "/reclaims", Map.of("idempotency_key", "back-" + given))
                .statusCode(200).body("coupon_id", equalTo(given)).body("source_coupon_id", equalTo(coupon))
                .body("amount", equalTo(20.0f)).body("replayed", equalTo(false));
        internal("/internal/v1/coupons/" + given + "/reclaims", Map.of("idempotency_key", "back-" + given))
                .statusCode(200).body("amount", equalTo(20.0f)).body("replayed", equalTo(true));
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("50.00");
        assertThat(probe.instrumentBalance(given)).isZero();
        assertThat(status(list(sub, Map.of()).extract().jsonPath(), given)).isEqualTo(5);
        internal("/internal/v1/coupons/" + coupon + "/transfers", Map.of("idempotency_key", "too-much-" + coupon,
                "to_customer_id", sub, "amount", new BigDecimal("50.01"))).statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        probe.assertInvariants();
    }

    @Test
    void couponChangeRecordsFollowEachCoupon() {
        String master = funded("0");
        String sub = funded("0");
        String coupon = issue(master, 1, "50.00", null, "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
        charge("spend-" + coupon, master, List.of(line("hws.service.type.ec2", "12.00")),
                Map.of("coupon_ids", List.of(coupon))).statusCode(200);
        String given = internal("/internal/v1/coupons/" + coupon + "/transfers", Map.of("idempotency_key",
                "give-" + coupon, "to_customer_id", sub, "amount", new BigDecimal("20.00"))).statusCode(200)
                .extract().path("id");

        JsonPath records = changes(master, Map.of()).statusCode(200).extract().jsonPath();
        assertThat(records.getInt("total_count")).isEqualTo(3);
        assertThat(records.getList("records.trade_detail_type")).containsExactly("SOURCE_OPERATION_TRANSFER",
                "SOURCE_OPERAIION_DEDEUCT", "SOURCE_OPERAIION_PRIZE");
        assertThat(records.getList("records.change_amount")).containsExactly("20.00", "12.00", "50.00");
        assertThat(records.getList("records.balance_after_change")).containsExactly("18.00", "38.00", "50.00");
        assertThat(records.getList("records.revenue_expense_type")).containsExactly("EXPENSE", "EXPENSE", "REVENUE");
        assertThat(changes(master, Map.of("trade_type", "DEDEUCT")).extract().jsonPath()
                .getList("records.trade_id")).containsExactly("CS-spend-" + coupon);
        assertThat(changes(master, Map.of("revenue_expense_type", "REVENUE")).extract().jsonPath()
                .getInt("total_count")).isEqualTo(1);
        assertThat(changes(master, Map.of("trade_type", "EXPIRED")).extract().jsonPath().getInt("total_count"))
                .isZero();
        assertThat(changes(sub, Map.of()).extract().jsonPath().getList("records.coupon_id")).containsExactly(given);
        assertThat(changes(sub, Map.of("coupon_id", coupon)).extract().jsonPath().getInt("total_count")).isZero();
        for (Map.Entry<String, String> bad : Map.of("trade_type", "GIFT", "limit", "0", "trade_time_begin",
                "2026/01/01", "revenue_expense_type", "BOTH").entrySet()) {
            changes(master, Map.of(bad.getKey(), bad.getValue())).statusCode(400)
                    .body("error_msg", containsString(bad.getKey()));
        }
        given().header("Authorization", customer(master)).get(CHANGES).then().statusCode(400)
                .body("error_msg", containsString("balance_type"));
    }

    @Test
    void storedValueCardsAreListedByStatus() {
        String id = funded("0");
        String card = given().header("Authorization", io.openbss.billing.BillingTestSupport.operator())
                .contentType("application/json").body(Map.of("idempotency_key", "card-" + id, "customer_id", id,
                        "card_name", "gift", "face_value", new BigDecimal("25.00"), "effective_time",
                        "2026-01-01T00:00:00Z", "expire_time", "2036-01-01T00:00:00Z"))
                .post("/internal/v1/stored-value-cards").then().statusCode(200).extract().path("id");
        given().header("Authorization", customer(id)).queryParam("status", 1).get(CARDS).then().statusCode(200)
                .body("total_count", equalTo(1)).body("stored_value_cards[0].card_id", equalTo(card))
                .body("stored_value_cards[0].balance", equalTo("25.00"))
                .body("stored_value_cards[0].face_value", equalTo("25.00"));
        charge("spend-" + id, id, List.of(line("hws.service.type.ec2", "25.00")), Map.of()).statusCode(200);
        given().header("Authorization", customer(id)).queryParam("status", 2).get(CARDS).then()
                .body("stored_value_cards[0].status", equalTo(2)).body("stored_value_cards[0].balance", equalTo("0.00"));
        given().header("Authorization", customer(id)).get(CARDS).then().statusCode(400)
                .body("error_msg", containsString("status"));
        given().header("Authorization", customer(id)).queryParam("status", 3).get(CARDS).then().statusCode(400);
    }

    @Test
    void badCouponQueriesNameTheParameter() {
        String id = funded("0");
        for (Map.Entry<String, String> bad : Map.of("coupon_type", "9", "status", "0", "limit", "101",
                "active_start_time", "2026-01-01", "offset", "-3").entrySet()) {
            list(id, Map.of(bad.getKey(), bad.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(bad.getKey()));
        }
    }

    static io.restassured.response.ValidatableResponse list(String customerId, Map<String, String> params) {
        return given().header("Authorization", customer(customerId)).queryParams(params).get(COUPONS).then();
    }

    static io.restassured.response.ValidatableResponse changes(String customerId, Map<String, String> params) {
        return given().header("Authorization", customer(customerId)).queryParam("balance_type", "BALANCE_TYPE_COUPON")
                .queryParams(params).get(CHANGES).then();
    }

    static int status(JsonPath coupons, String id) {
        return coupons.getInt("user_coupons.find { it.coupon_id == '" + id + "' }.status");
    }

    static String issue(String customerId, int type, String face, String rate, String valid, String expire) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", "coupon-" + UUID.randomUUID());
        body.put("customer_id", customerId);
        body.put("coupon_type", type);
        body.put("face_value", new BigDecimal(face));
        body.put("discount_rate", rate == null ? null : new BigDecimal(rate));
        body.put("plan_name", "spring plan");
        body.put("valid_time", valid);
        body.put("expire_time", expire);
        return given().header("Authorization", io.openbss.billing.BillingTestSupport.operator())
                .contentType("application/json").body(body).post("/internal/v1/coupons").then().statusCode(200)
                .extract().path("id");
    }
}
