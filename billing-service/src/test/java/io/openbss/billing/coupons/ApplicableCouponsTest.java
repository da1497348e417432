package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.service;
import static io.openbss.billing.coupons.CouponApi.FAR;
import static io.openbss.billing.coupons.CouponApi.VALID;
import static io.openbss.billing.coupons.CouponApi.applicable;
import static io.openbss.billing.coupons.CouponApi.give;
import static io.openbss.billing.coupons.CouponApi.issue;
import static io.openbss.billing.coupons.CouponApi.reclaim;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class ApplicableCouponsTest {

    static final String ECS = "hws.service.type.ec2";
    static final String EVS = "hws.service.type.evs";
    static final String OBS = "hws.service.type.obs";
    static final String VPC = "hws.service.type.vpc";

    @Inject
    Pool pool;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    /** A customer's coupons: four that can pay a 120.00 ECS order now, and seven that cannot. */
    record Wallet(String customerId, String otherCustomerId, String discount, String anyService, String atMinimum,
            String ecsAndEvs, String otherService, String aboveMinimum, String expired, String notYetValid,
            String spent, String usedDiscount, String othersCoupon) {

        List<String> applicable() {
            return List.of(discount, anyService, atMinimum, ecsAndEvs);
        }

        List<String> notApplicable() {
            return List.of(otherService, aboveMinimum, expired, notYetValid, spent, usedDiscount, othersCoupon);
        }
    }

    Wallet wallet() {
        String id = funded("100.00");
        String other = funded("0");
        String discount = issue(id, 2, "5.00", VALID, "2034-01-01T00:00:00Z",
                Map.of("discount_rate", new BigDecimal("0.9000")));
        String anyService = issue(id, 1, "12.50", VALID, "2035-06-01T00:00:00Z", Map.of());
        String atMinimum = issue(id, 1, "10.00", VALID, "2035-09-01T00:00:00Z",
                Map.of("min_order_amount", new BigDecimal("120.00")));
        String ecsAndEvs = issue(id, 1, "30.00", VALID, FAR, Map.of("service_type_codes", List.of(ECS, EVS),
                "min_order_amount", new BigDecimal("100.00"), "plan_desc", "for servers and disks"));
        String otherService = issue(id, 1, "10.00", VALID, "2035-10-01T00:00:00Z",
                Map.of("service_type_codes", List.of(OBS)));
        String aboveMinimum = issue(id, 1, "10.00", VALID, "2035-11-01T00:00:00Z",
                Map.of("min_order_amount", new BigDecimal("120.01")));
        String expired = issue(id, 1, "10.00", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", Map.of());
        String notYetValid = issue(id, 1, "10.00", "2035-01-01T00:00:00Z", FAR, Map.of());
        String spent = issue(id, "3.00");
        charge("spend-" + spent, id, List.of(line(ECS, "3.00")), Map.of("coupon_ids", List.of(spent)))
                .statusCode(200).body("coupon_amount", equalTo(3.0f));
        String usedDiscount = issue(id, 2, "2.00", VALID, FAR, Map.of("discount_rate", new BigDecimal("0.5000")));
        charge("use-" + usedDiscount, id, List.of(line(ECS, "1.00")), Map.of("coupon_ids", List.of(usedDiscount)))
                .statusCode(200).body("amount", equalTo(0.5f));
        String othersCoupon = issue(other, "50.00");
        return new Wallet(id, other, discount, anyService, atMinimum, ecsAndEvs, otherService, aboveMinimum, expired,
                notYetValid, spent, usedDiscount, othersCoupon);
    }

    static Map<String, Object> order(String customerId, String amount, String... services) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer_id", customerId);
        body.put("order_id", "CS" + newCustomerId().substring(0, 20));
        body.put("service_type_codes", List.of(services));
        body.put("amount", new BigDecimal(amount));
        return body;
    }

    static Map<String, Object> order(String customerId, String amount, Map<String, Object> extra) {
        Map<String, Object> body = order(customerId, amount, ECS);
        body.putAll(extra);
        return body;
    }

    @Test
    void listsThePayersCouponsThatCouldPayTheOrderNow() {
        Wallet wallet = wallet();
        JsonPath page = applicable(order(wallet.customerId(), "120.00", ECS, VPC)).statusCode(200).extract()
                .jsonPath().using(EXACT);
        assertThat(page.getInt("count")).isEqualTo(4);
        assertThat(page.getList("user_coupons.coupon_id")).containsExactlyElementsOf(wallet.applicable());

        Map<String, Object> limited = page.getMap("user_coupons[3]");
        assertThat(limited).containsEntry("coupon_id", wallet.ecsAndEvs()).containsEntry("status", 2)
                .containsEntry("coupon_type", 1).containsEntry("measure_id", 1)
                .containsEntry("face_value", new BigDecimal("30.00")).containsEntry("balance", new BigDecimal("30.00"))
                .containsEntry("effective_time", VALID).containsEntry("expire_time", FAR)
                .containsEntry("plan_name", "enterprise plan").containsEntry("plan_desc", "for servers and disks")
                .containsEntry("coupon_version", 2).containsEntry("coupon_group", 0);
        assertThat((String) limited.get("coupon_code")).hasSize(12);
        assertThat((String) limited.get("create_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(page.getList("user_coupons[3].use_limits.limit_key"))
                .containsExactly("cloudServiceType", "orderAmount");
        assertThat(page.getString("user_coupons[3].use_limits[0].value1")).isEqualTo(ECS + "," + EVS);
        assertThat(page.getString("user_coupons[3].use_limits[1].value1")).isEqualTo("100.00");

        Map<String, Object> discount = page.getMap("user_coupons[0]");
        assertThat(discount).containsEntry("coupon_type", 2).containsEntry("face_value", new BigDecimal("5.00"))
                .doesNotContainKey("balance");
        assertThat(page.getMap("user_coupons[1]")).doesNotContainKey("plan_desc")
                .containsEntry("balance", new BigDecimal("12.50"));
        assertThat(page.getList("user_coupons[1].use_limits")).isEmpty();

        assertThat(page.getList("coupon_max_use_quantity")).containsExactly(
                Map.of("coupon_type", 1, "coupon_group", 0, "use_quantity_value", 3),
                Map.of("coupon_type", 2, "coupon_group", 0, "use_quantity_value", 1),
                Map.of("coupon_type", 3, "coupon_group", 0, "use_quantity_value", 3),
                Map.of("coupon_type", 4, "coupon_group", 0, "use_quantity_value", 3));
    }

    @Test
    void theOrdersServicesAndAmountDecide() {
        Wallet wallet = wallet();
        assertThat(applicable(order(wallet.customerId(), "120.01", OBS)).statusCode(200).extract().jsonPath()
                .getList("user_coupons.coupon_id")).containsExactly(wallet.discount(), wallet.anyService(),
                wallet.atMinimum(), wallet.otherService(), wallet.aboveMinimum());
        assertThat(applicable(order(wallet.customerId(), "119.99", EVS)).statusCode(200).extract().jsonPath()
                .getList("user_coupons.coupon_id")).containsExactly(wallet.discount(), wallet.anyService(),
                wallet.ecsAndEvs());
        assertThat(applicable(order(wallet.customerId(), "0", VPC)).statusCode(200).extract().jsonPath()
                .getList("user_coupons.coupon_id")).containsExactly(wallet.discount(), wallet.anyService());
    }

    @Test
    void aChargeRefusesEveryCouponTheListLeavesOutAndMovesNothing() {
        Wallet wallet = wallet();
        String id = wallet.customerId();
        BigDecimal cash = probe.balance(id, "CASH");
        for (String coupon : wallet.notApplicable()) {
            BigDecimal balance = probe.count("SELECT count(*) FROM ledger_account WHERE instrument_id = $1", coupon) == 0
                    ? null : probe.instrumentBalance(coupon);
            String key = "refused-" + coupon;
            charge(key, id, List.of(line(ECS, "120.00")), Map.of("coupon_ids", List.of(wallet.anyService(), coupon)))
                    .statusCode(400).body("error_code", equalTo("CBC.0101"))
                    .body("error_msg", containsString("Coupon " + coupon + " cannot be used"));
            assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE trade_id = $1", "CS-" + key)).isZero();
            assertThat(probe.count("SELECT count(*) FROM bill_line WHERE trade_id = $1", "CS-" + key)).isZero();
            if (balance != null) {
                assertThat(probe.instrumentBalance(coupon)).as(coupon).isEqualByComparingTo(balance);
            }
        }
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo(cash);
        assertThat(probe.instrumentBalance(wallet.anyService())).isEqualByComparingTo("12.50");
        assertThat(applicable(order(id, "120.00", ECS)).statusCode(200).extract().jsonPath()
                .getList("user_coupons.coupon_id")).containsExactlyElementsOf(wallet.applicable());

        // and everything it lists pays together: the discount coupon first, then the three cash coupons
        JsonPath paid = charge("all-" + id, id, List.of(line(ECS, "120.00")),
                Map.of("coupon_ids", wallet.applicable())).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(paid.getString("amount")).isEqualTo("115.00");
        assertThat(paid.getString("coupon_amount")).isEqualTo("52.50");
        assertThat(paid.getString("cash_amount")).isEqualTo("62.50");
        assertThat(applicable(order(id, "120.00", ECS)).statusCode(200).extract().jsonPath()
                .getInt("count")).isZero();
        probe.assertInvariants();
    }

    @Test
    void aMasterPayingForItsSubAccountPaysWithItsOwnCoupons() {
        String master = funded("0");
        String sub = funded("0");
        String mastersCoupon = issue(master, 1, "20.00", VALID, "2034-01-01T00:00:00Z", Map.of());
        String source = issue(master, "30.00");
        String received = give(source, sub, "10.00");
        String reclaimed = give(source, sub, "5.00");
        reclaim(reclaimed, Map.of("idempotency_key", "back-" + reclaimed)).statusCode(200);
        String subsOwn = issue(sub, 1, "4.00", VALID, "2035-01-01T00:00:00Z", Map.of());

        assertThat(applicable(order(sub, "50.00", ECS)).statusCode(200).extract().jsonPath()
                .getList("user_coupons.coupon_id")).containsExactly(subsOwn, received);
        JsonPath paidByMaster = applicable(order(sub, "50.00", Map.of("payer_customer_id", master))).statusCode(200)
                .extract().jsonPath().using(EXACT);
        assertThat(paidByMaster.getInt("count")).isEqualTo(2);
        assertThat(paidByMaster.getList("user_coupons.coupon_id")).containsExactly(mastersCoupon, source);
        assertThat(paidByMaster.getList("user_coupons.balance")).containsExactly(new BigDecimal("20.00"),
                new BigDecimal("20.00"));

        Map<String, Object> byMaster = Map.of("payer_customer_id", master, "coupon_ids", List.of(subsOwn));
        charge("sub-coupon-" + sub, sub, List.of(line(ECS, "4.00")), byMaster).statusCode(400)
                .body("error_code", equalTo("CBC.0101")).body("error_msg", containsString("paying customer"));
        charge("reclaimed-" + sub, sub, List.of(line(ECS, "4.00")), Map.of("coupon_ids", List.of(reclaimed)))
                .statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("used or reclaimed"));
        charge("master-coupon-" + sub, sub, List.of(line(ECS, "4.00")),
                Map.of("payer_customer_id", master, "coupon_ids", List.of(mastersCoupon))).statusCode(200)
                .body("coupon_amount", equalTo(4.0f));
        assertThat(probe.instrumentBalance(subsOwn)).isEqualByComparingTo("4.00");
        assertThat(probe.instrumentBalance(mastersCoupon)).isEqualByComparingTo("16.00");
    }

    @Test
    void pagesKeepTheCount() {
        String id = funded("0");
        String first = issue(id, 1, "1.00", VALID, "2034-01-01T00:00:00Z", Map.of());
        String second = issue(id, 1, "2.00", VALID, "2035-01-01T00:00:00Z", Map.of());
        String third = issue(id, 1, "3.00", VALID, FAR, Map.of());

        JsonPath page = applicable(order(id, "10.00", Map.of("limit", 2))).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("count")).isEqualTo(3);
        assertThat(page.getList("user_coupons.coupon_id")).containsExactly(first, second);
        page = applicable(order(id, "10.00", Map.of("offset", 2, "limit", 2))).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("count")).isEqualTo(3);
        assertThat(page.getList("user_coupons.coupon_id")).containsExactly(third);
        page = applicable(order(id, "10.00", Map.of("offset", 10))).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("count")).isEqualTo(3);
        assertThat(page.getList("user_coupons")).isEmpty();
        assertThat(page.getList("coupon_max_use_quantity")).hasSize(4);
        List<String> far = new ArrayList<>(List.of(third));
        for (int i = 0; i < 12; i++) {
            far.add(issue(id, 1, "1.00", VALID, FAR, Map.of()));
        }
        assertThat(applicable(order(id, "10.00", Map.of())).statusCode(200).extract().jsonPath()
                .getList("user_coupons")).hasSize(10);
        Collections.sort(far);
        List<String> all = new ArrayList<>(List.of(first, second));
        all.addAll(far);
        page = applicable(order(id, "10.00", Map.of("limit", 100))).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("count")).isEqualTo(15);
        assertThat(page.getList("user_coupons.coupon_id")).containsExactlyElementsOf(all);
    }

    @Test
    void aChargeUsesAtMostThreeCashCouponsAndOneDiscountCoupon() {
        String id = funded("100.00");
        List<String> cash = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cash.add(issue(id, "1.00"));
        }
        Map<String, Object> rate = Map.of("discount_rate", new BigDecimal("0.9000"));
        String discount = issue(id, 2, "1.00", VALID, FAR, rate);
        String secondDiscount = issue(id, 2, "1.00", VALID, FAR, rate);

        charge("four-" + id, id, List.of(line(ECS, "10.00")), Map.of("coupon_ids", cash)).statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("coupon_ids"))
                .body("error_msg", containsString("3 cash coupons"));
        charge("two-" + id, id, List.of(line(ECS, "10.00")),
                Map.of("coupon_ids", List.of(discount, secondDiscount))).statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("coupon_ids"))
                .body("error_msg", containsString("1 discount coupon"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("100.00");
        cash.forEach(coupon -> assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("1.00"));
        assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE trade_id IN ($1, $2)", "CS-four-" + id,
                "CS-two-" + id)).isZero();
        assertThat(applicable(order(id, "10.00", ECS)).statusCode(200).extract().jsonPath().getInt("count"))
                .isEqualTo(6);

        JsonPath paid = charge("most-" + id, id, List.of(line(ECS, "10.00")),
                Map.of("coupon_ids", List.of(cash.get(0), cash.get(1), cash.get(2), discount))).statusCode(200)
                .extract().jsonPath().using(EXACT);
        assertThat(paid.getString("amount")).isEqualTo("9.00");
        assertThat(paid.getString("coupon_amount")).isEqualTo("3.00");
        assertThat(paid.getString("cash_amount")).isEqualTo("6.00");
    }

    @Test
    void badInputNamesTheField() {
        String id = funded("0");
        Map<String, Consumer<Map<String, Object>>> bad = new LinkedHashMap<>();
        bad.put("customer_id", body -> body.remove("customer_id"));
        bad.put("payer_customer_id", body -> body.put("payer_customer_id", "p".repeat(65)));
        bad.put("order_id", body -> body.remove("order_id"));
        bad.put("service_type_codes", body -> body.remove("service_type_codes"));
        bad.put("service_type_codes ", body -> body.put("service_type_codes", List.of()));
        bad.put("service_type_codes  ", body -> body.put("service_type_codes", Collections.nCopies(21, ECS)));
        bad.put("service_type_codes   ", body -> body.put("service_type_codes", ECS));
        bad.put("service_type_codes[1]", body -> body.put("service_type_codes", List.of(ECS, "")));
        bad.put("amount", body -> body.remove("amount"));
        bad.put("amount ", body -> body.put("amount", new BigDecimal("-0.01")));
        bad.put("amount  ", body -> body.put("amount", new BigDecimal("1.001")));
        bad.put("amount   ", body -> body.put("amount", "ten"));
        bad.put("offset", body -> body.put("offset", -1));
        bad.put("limit", body -> body.put("limit", 0));
        bad.put("limit ", body -> body.put("limit", 101));
        bad.put("limit  ", body -> body.put("limit", "x"));
        bad.forEach((field, change) -> {
            Map<String, Object> body = order(id, "10.00", ECS);
            change.accept(body);
            applicable(body).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("parameter " + field.strip() + ":"));
        });
        given().header("Authorization", service())
                .contentType("application/json").post("/internal/v1/coupons/applicable").then().statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("body"));
        applicable(order(id, "0", Map.of("limit", 100, "offset", 0))).statusCode(200).body("count", equalTo(0));
    }

    @Test
    void anUnknownCustomerOrPayerIsRefused() {
        String id = funded("0");
        String unknown = newCustomerId();
        applicable(order(unknown, "10.00", ECS)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Customer " + unknown + " is not registered with billing"));
        applicable(order(id, "10.00", Map.of("payer_customer_id", unknown))).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Customer " + unknown + " is not registered with billing"));
    }

    @Test
    void customersCannotCallIt() {
        String id = funded("0");
        given().header("Authorization", customer(id)).contentType("application/json").body(order(id, "1.00", ECS))
                .post("/internal/v1/coupons/applicable").then().statusCode(403);
    }
}
