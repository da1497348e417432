package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.LedgerProbe;
import io.vertx.mutiny.sqlclient.Row;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class ChargeTest {

    static final String ECS = "hws.service.type.ec2";
    static final String EVS = "hws.service.type.ebs";

    @Inject
    Pool pool;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    @Test
    void aChargeTakesCashWritesBillLinesAndIsPaidOnce() {
        String id = funded("100.00");
        List<Map<String, Object>> lines = List.of(line(ECS, "30.12345678"), line(EVS, "10.00"));
        JsonPath first = charge("c1-" + id, id, lines, Map.of()).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(first.getString("amount")).isEqualTo("40.12");
        assertThat(first.getString("cash_amount")).isEqualTo("40.12");
        assertThat(first.getBoolean("replayed")).isFalse();
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("59.88");

        JsonPath again = charge("c1-" + id, id, lines, Map.of()).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(again.getBoolean("replayed")).isTrue();
        assertThat(again.getLong("entry_id")).isEqualTo(first.getLong("entry_id"));
        // what paid each line: from the payment plan when posted, from the bill lines when replayed
        assertThat(again.getList("lines")).hasSize(2).isEqualTo(first.getList("lines"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("59.88");
        assertThat(probe.count("SELECT count(*) FROM bill_line WHERE customer_id = $1", id)).isEqualTo(2);
        assertThat(probe.one("SELECT sum(cash_amount) AS s, sum(amount) AS a FROM bill_line WHERE customer_id = $1", id)
                .getBigDecimal("s")).isEqualByComparingTo("40.12");
        probe.assertInvariants();
    }

    @Test
    void sameKeyWithOtherLinesIs400() {
        String id = funded("100.00");
        Map<String, Object> line = line(ECS, "10");
        charge("k-" + id, id, List.of(line), Map.of()).statusCode(200);
        line.put("official_amount", new BigDecimal("11"));
        line.put("amount", new BigDecimal("11"));
        charge("k-" + id, id, List.of(line), Map.of()).statusCode(400).body("error_code", equalTo("CBC.0100"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("90.00");
    }

    @Test
    void insufficientFundsRefuseTheWholeCharge() {
        String id = funded("10.00");
        charge("big-" + id, id, List.of(line(ECS, "10.01")), Map.of()).statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("10.00");
        assertThat(probe.count("SELECT count(*) FROM bill_line WHERE customer_id = $1", id)).isZero();
        charge("big-" + id, id, List.of(line(ECS, "10.00")), Map.of()).statusCode(200);
        assertThat(probe.balance(id, "CASH")).isZero();
    }

    @Test
    void couponsThenCardsThenCashThenCreditPayInThatOrder() {
        String id = newCustomerId();
        register(id, new BigDecimal("100.00")).statusCode(200);
        recharge("cash-" + id, id, "20.00").statusCode(200);
        String coupon = issueCoupon(id, 1, "15.00", null, List.of(ECS), null);
        String card = issueCard(id, "25.00");
        JsonPath paid = charge("order-" + id, id, List.of(line(ECS, "50.00"), line(EVS, "30.00")),
                Map.of("coupon_ids", List.of(coupon))).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(paid.getString("coupon_amount")).isEqualTo("15.00");
        assertThat(paid.getString("stored_card_amount")).isEqualTo("25.00");
        assertThat(paid.getString("cash_amount")).isEqualTo("20.00");
        assertThat(paid.getString("credit_amount")).isEqualTo("20.00");
        assertThat(probe.instrumentBalance(coupon)).isZero();
        assertThat(probe.instrumentBalance(card)).isZero();
        assertThat(probe.balance(id, "CREDIT")).isEqualByComparingTo("80.00");
        // the coupon limited to ECS paid only the ECS line
        assertThat(probe.one("SELECT coupon_amount FROM bill_line WHERE customer_id = $1 AND service_type_code = $2",
                id, EVS).getBigDecimal("coupon_amount")).isZero();
        // the answer says what paid each line, in the request's order, as its bill line records it
        for (int i = 0; i < 2; i++) {
            Row bill = probe.one("SELECT * FROM bill_line WHERE customer_id = $1 AND service_type_code = $2", id,
                    i == 0 ? ECS : EVS);
            for (String part : List.of("cash_amount", "credit_amount", "coupon_amount", "stored_card_amount",
                    "debt_amount")) {
                assertThat(new BigDecimal(paid.getString("lines[" + i + "]." + part))).as("line %d %s", i, part)
                        .isEqualByComparingTo(bill.getBigDecimal(part));
            }
        }
        probe.assertInvariants();
    }

    @Test
    void aDiscountCouponLowersTheAmountOnceAndIsThenUsed() {
        String id = funded("100.00");
        String coupon = issueCoupon(id, 2, "5.00", "0.8000", List.of(), null);
        List<Map<String, Object>> lines = List.of(line(ECS, "20.00"));
        JsonPath paid = charge("d1-" + id, id, lines, Map.of("coupon_ids", List.of(coupon)))
                .statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(paid.getString("amount")).isEqualTo("16.00");
        assertThat(probe.one("SELECT discount_amount FROM bill_line WHERE customer_id = $1", id)
                .getBigDecimal("discount_amount")).isEqualByComparingTo("4.00");
        // a replay answers the first charge, although its coupon is used now, and charges nothing more
        JsonPath again = charge("d1-" + id, id, lines, Map.of("coupon_ids", List.of(coupon)))
                .statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(again.getBoolean("replayed")).isTrue();
        assertThat(again.getLong("entry_id")).isEqualTo(paid.getLong("entry_id"));
        assertThat(again.getString("amount")).isEqualTo("16.00");
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("84.00");
        assertThat(probe.count("SELECT count(*) FROM bill_line WHERE customer_id = $1", id)).isEqualTo(1);
        charge("d2-" + id, id, List.of(line(ECS, "20.00")), Map.of("coupon_ids", List.of(coupon))).statusCode(400)
                .body("error_msg", containsString(coupon));
        String capped = issueCoupon(id, 2, "3.00", "0.5000", List.of(), null);
        assertThat(charge("d3-" + id, id, List.of(line(ECS, "20.00")), Map.of("coupon_ids", List.of(capped)))
                .statusCode(200).extract().jsonPath().using(EXACT).getString("amount")).isEqualTo("17.00");
    }

    @Test
    void aCouponMustBeThePayersValidAndApplicable() {
        String id = funded("100.00");
        String other = funded("0");
        String foreign = issueCoupon(other, 1, "10.00", null, List.of(), null);
        charge("f-" + id, id, List.of(line(ECS, "5")), Map.of("coupon_ids", List.of(foreign))).statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        String evsOnly = issueCoupon(id, 1, "10.00", null, List.of(EVS), null);
        charge("s-" + id, id, List.of(line(ECS, "5")), Map.of("coupon_ids", List.of(evsOnly))).statusCode(400)
                .body("error_msg", containsString("services"));
        String minimum = issueCoupon(id, 1, "10.00", null, List.of(), "100.00");
        charge("m-" + id, id, List.of(line(ECS, "5")), Map.of("coupon_ids", List.of(minimum))).statusCode(400)
                .body("error_msg", containsString("minimum"));
        assertThat(probe.instrumentBalance(foreign)).isEqualByComparingTo("10.00");
    }

    @Test
    void usageRunsIntoArrearsThatTheNextRechargeRepaysFirst() {
        String id = funded("1.00");
        charge("u-" + id, id, List.of(usageLine("3.50")), Map.of("allow_debt", true)).statusCode(200)
                .body("cash_amount", equalTo(1.0f)).body("debt_amount", equalTo(2.5f));
        given().header("Authorization", customer(id)).get("/v2/accounts/customer-accounts/balances").then()
                .body("debt_amount", equalTo(2.5f));
        assertThat(probe.one("SELECT debt_outstanding FROM bill_line WHERE customer_id = $1", id)
                .getBigDecimal("debt_outstanding")).isEqualByComparingTo("2.50");
        recharge("repay-" + id, id, "10.00").statusCode(200);
        assertThat(probe.balance(id, "DEBT")).isZero();
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("7.50");
        assertThat(probe.one("SELECT debt_outstanding FROM bill_line WHERE customer_id = $1", id)
                .getBigDecimal("debt_outstanding")).isZero();
        probe.assertInvariants();
    }

    @Test
    void aMasterPaysForItsSubAccount() {
        String master = funded("50.00");
        String sub = funded("0");
        Map<String, Object> options = Map.of("payer_customer_id", master);
        charge("agent-" + sub, sub, List.of(line(ECS, "12.00")), options).statusCode(200);
        assertThat(probe.balance(master, "CASH")).isEqualByComparingTo("38.00");
        assertThat(probe.one("SELECT customer_id, payer_customer_id FROM bill_line WHERE trade_id = $1",
                "CS-agent-" + sub).getString("payer_customer_id")).isEqualTo(master);
    }

    @Test
    void concurrentChargesNeverOverdraw() throws Exception {
        String id = funded("10.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "race-" + i + "-" + id;
            calls.add(CompletableFuture.supplyAsync(() -> charge(key, id, List.of(line(ECS, "1.00")), Map.of())
                    .extract().statusCode(), pool));
        }
        long ok = 0;
        for (CompletableFuture<Integer> call : calls) {
            int status = call.get();
            assertThat(status).isIn(200, 400);
            ok += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        assertThat(probe.balance(id, "CASH")).isZero();
        probe.assertInvariants();
    }

    @Test
    void badChargesNameTheParameter() {
        String id = funded("10.00");
        Map<String, Object> bad = line(ECS, "1.00");
        bad.put("amount", new BigDecimal("0.50"));
        charge("b1-" + id, id, List.of(bad), Map.of()).statusCode(400).body("error_msg", containsString("lines[0].amount"));
        Map<String, Object> refundType = line(ECS, "1.00");
        refundType.put("bill_type", 4);
        charge("b2-" + id, id, List.of(refundType), Map.of()).statusCode(400)
                .body("error_msg", containsString("lines[0].bill_type"));
        charge("b3-" + id, id, List.of(), Map.of()).statusCode(400).body("error_msg", containsString("lines"));
        charge("b4-" + id, newCustomerId(), List.of(line(ECS, "1.00")), Map.of()).statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("10.00");
    }

    @Test
    void customersCannotCharge() {
        String id = funded("10.00");
        given().header("Authorization", customer(id)).contentType("application/json")
                .body(Map.of("idempotency_key", "x", "customer_id", id, "trade_id", "t", "lines", List.of(line(ECS, "1"))))
                .post("/internal/v1/ledger/charges").then().statusCode(403);
    }

    static Map<String, Object> usageLine(String amount) {
        Map<String, Object> line = line(ECS, amount);
        line.put("bill_type", 5);
        line.put("charging_mode", 3);
        line.put("period_type", 25);
        return line;
    }

    static String issueCoupon(String customerId, int type, String face, String rate, List<String> services,
            String minimum) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", "coupon-" + java.util.UUID.randomUUID());
        body.put("customer_id", customerId);
        body.put("coupon_type", type);
        body.put("face_value", new BigDecimal(face));
        body.put("discount_rate", rate == null ? null : new BigDecimal(rate));
        body.put("plan_name", "test plan");
        body.put("service_type_codes", services);
        body.put("min_order_amount", minimum == null ? null : new BigDecimal(minimum));
        body.put("valid_time", "2026-01-01T00:00:00Z");
        body.put("expire_time", "2036-01-01T00:00:00Z");
        return given().header("Authorization", io.openbss.billing.BillingTestSupport.operator())
                .contentType("application/json").body(body).post("/internal/v1/coupons").then().statusCode(200)
                .extract().path("id");
    }

    static String issueCard(String customerId, String face) {
        return given().header("Authorization", io.openbss.billing.BillingTestSupport.operator())
                .contentType("application/json")
                .body(Map.of("idempotency_key", "card-" + java.util.UUID.randomUUID(), "customer_id", customerId,
                        "card_name", "test card", "face_value", new BigDecimal(face),
                        "effective_time", "2026-01-01T00:00:00Z", "expire_time", "2036-01-01T00:00:00Z"))
                .post("/internal/v1/stored-value-cards").then().statusCode(200).extract().path("id");
    }

}
