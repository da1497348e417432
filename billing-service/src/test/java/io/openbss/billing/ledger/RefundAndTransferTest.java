package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class RefundAndTransferTest {

    static final String ECS = "hws.service.type.ec2";

    @Inject
    Pool pool;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    @Test
    void aRefundGoesBackToCashAndCreditInProportionButNotToCoupons() {
        String id = newCustomerId();
        register(id, new BigDecimal("100.00")).statusCode(200);
        recharge("cash-" + id, id, "60.00").statusCode(200);
        String coupon = ChargeTest.issueCoupon(id, 1, "20.00", null, List.of(), null);
        charge("order-" + id, id, List.of(line(ECS, "120.00")), Map.of("coupon_ids", List.of(coupon)))
                .statusCode(200).body("cash_amount", equalTo(60.0f)).body("credit_amount", equalTo(40.0f));

        JsonPath refund = refund("r1-" + id, id, "CS-order-" + id, "-50.00").statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(refund.getString("amount")).isEqualTo("50.00");
        assertThat(refund.getString("cash_amount")).isEqualTo("30.00");
        assertThat(refund.getString("credit_amount")).isEqualTo("20.00");
        assertThat(refund.getString("coupon_amount")).isEqualTo("0.00");
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("30.00");
        assertThat(probe.balance(id, "CREDIT")).isEqualByComparingTo("80.00");
        // what went back for each line: from the payment plan when posted, from the bill lines when replayed
        JsonPath again = refund("r1-" + id, id, "CS-order-" + id, "-50.00").statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(again.getBoolean("replayed")).isTrue();
        assertThat(again.getList("lines")).hasSize(1).isEqualTo(refund.getList("lines"));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("30.00");

        refund("r2-" + id, id, "CS-order-" + id, "-50.01").statusCode(400).body("error_msg", containsString("exceeds"));
        refund("r3-" + id, id, "CS-order-" + id, "-50.00").statusCode(200);
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("60.00");
        assertThat(probe.balance(id, "CREDIT")).isEqualByComparingTo("100.00");
        refund("r4-" + id, id, "CS-order-" + id, "-0.01").statusCode(400);
        assertThat(probe.count("SELECT count(*) FROM bill_line WHERE customer_id = $1 AND bill_type = 4", id))
                .isEqualTo(2);
        probe.assertInvariants();
    }

    @Test
    void repeatedRefundKeysRefundOnce() {
        String id = funded("100.00");
        charge("o-" + id, id, List.of(line(ECS, "80.00")), Map.of()).statusCode(200);
        refund("same-" + id, id, "CS-o-" + id, "-10.00").statusCode(200).body("replayed", equalTo(false));
        refund("same-" + id, id, "CS-o-" + id, "-10.00").statusCode(200).body("replayed", equalTo(true));
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("30.00");
        refund("x-" + id, id, "CS-nothing", "-1.00").statusCode(400).body("error_code", equalTo("CBC.0101"));
    }

    @Test
    void cashTransfersMoveMoneyOnceAndNeverOverdraw() {
        String master = funded("100.00");
        String sub = funded("0");
        transfer("t1-" + master, master, sub, "40.00", "BALANCE_TYPE_DEBIT").statusCode(200);
        transfer("t1-" + master, master, sub, "40.00", "BALANCE_TYPE_DEBIT").statusCode(200)
                .body("replayed", equalTo(true));
        transfer("t1-" + master, master, sub, "41.00", "BALANCE_TYPE_DEBIT").statusCode(400);
        assertThat(probe.balance(master, "CASH")).isEqualByComparingTo("60.00");
        assertThat(probe.balance(sub, "CASH")).isEqualByComparingTo("40.00");
        transfer("t2-" + master, master, sub, "60.01", "BALANCE_TYPE_DEBIT").statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        transfer("back-" + master, sub, master, "40.00", "BALANCE_TYPE_DEBIT").statusCode(200);
        assertThat(probe.balance(sub, "CASH")).isZero();
    }

    @Test
    void creditTransfersMoveTheGrantWithTheCredit() {
        String master = newCustomerId();
        register(master, new BigDecimal("1000.00")).statusCode(200);
        String sub = funded("0");
        transfer("c1-" + master, master, sub, "300.00", "BALANCE_TYPE_CREDIT").statusCode(200);
        assertThat(probe.balance(master, "CREDIT")).isEqualByComparingTo("700.00");
        assertThat(probe.balance(sub, "CREDIT")).isEqualByComparingTo("300.00");
        assertThat(probe.one("SELECT credit_limit FROM ledger_account WHERE customer_id = $1 AND account_type = 'CREDIT'",
                sub).getBigDecimal("credit_limit")).isEqualByComparingTo("300.00");
        charge("use-" + sub, sub, List.of(line(ECS, "250.00")), Map.of()).statusCode(200);
        transfer("c2-" + master, sub, master, "100.00", "BALANCE_TYPE_CREDIT").statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        transfer("c3-" + master, sub, master, "50.00", "BALANCE_TYPE_CREDIT").statusCode(200);
        assertThat(probe.one("SELECT credit_limit FROM ledger_account WHERE customer_id = $1 AND account_type = 'CREDIT'",
                master).getBigDecimal("credit_limit")).isEqualByComparingTo("750.00");
        probe.assertInvariants();
    }

    @Test
    void oppositeTransfersAtOnceDoNotDeadlock() throws Exception {
        String a = funded("100.00");
        String b = funded("100.00");
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean forward = i % 2 == 0;
                String key = "x" + i + "-" + a;
                calls.add(CompletableFuture.supplyAsync(() -> transfer(key, forward ? a : b, forward ? b : a, "1.00",
                        "BALANCE_TYPE_DEBIT").extract().statusCode(), executor));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(probe.balance(a, "CASH").add(probe.balance(b, "CASH"))).isEqualByComparingTo("200.00");
        assertThat(probe.balance(a, "CASH")).isEqualByComparingTo("100.00");
        // each account's change records, in the order of their lines, chain from one balance to the next
        probe.assertInvariants();
    }

    @Test
    void manyTransfersOfOneAccountAtOnceKeepItsChangeRecordsInTheOrderTheyMovedIt() throws Exception {
        String master = funded("1000.00");
        List<String> subs = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            subs.add(funded("100.00"));
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                String sub = subs.get(i % subs.size());
                boolean allocate = i % 3 != 0;
                String key = "hot" + i + "-" + master;
                calls.add(CompletableFuture.supplyAsync(() -> transfer(key, allocate ? master : sub,
                        allocate ? sub : master, "0.01", "BALANCE_TYPE_DEBIT").extract().statusCode(), executor));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(probe.balance(master, "CASH")).isEqualByComparingTo("999.20");
        // the master's lines, numbered in the order its balance moved: its change records chain
        probe.assertInvariants();
    }

    @Test
    void badTransfersNameTheParameter() {
        String a = funded("10.00");
        transfer("s-" + a, a, a, "1.00", "BALANCE_TYPE_DEBIT").statusCode(400)
                .body("error_msg", containsString("to_customer_id"));
        transfer("t-" + a, a, newCustomerId(), "1.005", "BALANCE_TYPE_DEBIT").statusCode(400)
                .body("error_msg", containsString("amount"));
        transfer("u-" + a, a, newCustomerId(), "1.00", "GOLD").statusCode(400)
                .body("error_msg", containsString("balance_type"));
        transfer("v-" + a, a, newCustomerId(), "1.00", "BALANCE_TYPE_DEBIT").statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        assertThat(probe.balance(a, "CASH")).isEqualByComparingTo("10.00");
    }

    static ValidatableResponse refund(String key, String customerId, String chargeTrade, String amount) {
        Map<String, Object> line = line(ECS, amount);
        line.put("bill_type", 4);
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", key);
        body.put("customer_id", customerId);
        body.put("trade_id", "RF-" + key);
        body.put("refunds_trade_id", chargeTrade);
        line.put("resource_id", "refunded-resource");
        body.put("lines", List.of(line));
        return internal("/internal/v1/ledger/refunds", body);
    }

    static ValidatableResponse transfer(String key, String from, String to, String amount, String type) {
        return internal("/internal/v1/ledger/transfers", Map.of("idempotency_key", key, "from_customer_id", from,
                "to_customer_id", to, "amount", new BigDecimal(amount), "balance_type", type));
    }
}
