package io.openbss.enterprise.transfers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class FundTransfersTest {

    static final String ALLOCATE = "/v2/enterprises/multi-accounts/transfer-amount";
    static final String RECLAIM = "/v2/enterprises/multi-accounts/retrieve-amount";
    static final String COUPON = "/v2/enterprises/multi-accounts/transfer-coupon";
    static final String CASH = "BALANCE_TYPE_DEBIT";

    @Inject
    Pool pool;

    @Inject
    TransferReconciler reconciler;

    String master;
    String sub;
    String custodySub;

    @BeforeEach
    void enterprise() {
        master = id("m");
        sub = id("s");
        custodySub = id("c");
        associate(master, sub, 0);
        associate(master, custodySub, 1);
        FakeBilling.fund(master, CASH, "100.00");
        FakeBilling.fund(sub, CASH, "0.00");
    }

    @AfterEach
    void billingRecovers() {
        FakeBilling.recover();
    }

    @Test
    void allocationMovesMoneyOnceAndRepeatsItsAnswer() {
        String transId = UUID.randomUUID().toString();
        allocate(master, sub, "30.50", transId).statusCode(200);
        allocate(master, sub, "30.50", transId).statusCode(200);
        allocate(master, sub, "30.5", transId).statusCode(200);
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("69.50");
        assertThat(FakeBilling.balance(sub, CASH)).isEqualByComparingTo("30.50");
    }

    @Test
    void reclaimMovesMoneyBackOnce() {
        allocate(master, sub, "40.00", UUID.randomUUID().toString()).statusCode(200);
        String transId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            transfer(RECLAIM, master, body(sub, "15.00", transId)).statusCode(200);
        }
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(sub, CASH)).isEqualByComparingTo("25.00");
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("75.00");
    }

    @Test
    void theSameTransIdForAnotherTransferIsRefused() {
        String transId = UUID.randomUUID().toString();
        allocate(master, sub, "10.00", transId).statusCode(200);
        allocate(master, sub, "11.00", transId).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("trans_id"));
        transfer(RECLAIM, master, body(sub, "10.00", transId)).statusCode(400).body("error_code", equalTo("CBC.0100"));
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("90.00");
    }

    @Test
    void aRefusalIsFinalAndRepeatedWithoutMovingMoney() {
        String transId = UUID.randomUUID().toString();
        allocate(master, sub, "100.01", transId).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        FakeBilling.fund(master, CASH, "500.00");
        allocate(master, sub, "100.01", transId).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        assertThat(FakeBilling.moves(ledgerKey(transId))).isZero();
        assertThat(status(transId)).isEqualTo("FAILED");
    }

    @Test
    void aParameterErrorOfBillingIsAnInternalErrorNotTheCallersParameter() {
        FakeBilling.fail(FakeBilling.Mode.MALFORMED, Integer.MAX_VALUE);
        String transId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            allocate(master, sub, "1.00", transId).statusCode(500).body("error_code", equalTo("CBC.0999"))
                    .body("error_msg", not(containsString("idempotency_key")));
        }
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("100.00");
    }

    @Test
    void onlyFinanciallyIndependentSubAccountsOfTheMasterTakePart() {
        allocate(master, custodySub, "1.00", null).statusCode(400).body("error_code", equalTo("CBC.99000043"));
        String stranger = id("x");
        associate(id("other"), stranger, 0);
        allocate(master, stranger, "1.00", null).statusCode(400).body("error_code", equalTo("CBC.7004"));
        allocate(master, id("nobody"), "1.00", null).statusCode(400).body("error_code", equalTo("CBC.7004"));
        given().header("Authorization", InternalKeys.bearer("enterprise-service", sub, CallerKind.ENTERPRISE_SUB))
                .contentType(ContentType.JSON).body(body(master, "1.00", null)).post(ALLOCATE).then()
                .statusCode(403).body("error_code", equalTo("CBC.0151"));
        given().header("Authorization", bearer(master)).queryParam("sub_customer_id", stranger)
                .queryParam("balance_type", CASH).get(RECLAIM).then().statusCode(400)
                .body("error_code", equalTo("CBC.7004"));
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("100.00");
    }

    @Test
    void aTransferMadeBeforeTheSubAccountStoppedTakingPartIsStillAnsweredButNoNewOneIsMade() {
        String transId = UUID.randomUUID().toString();
        allocate(master, sub, "10.00", transId).statusCode(200);
        pool.preparedQuery("UPDATE sub_customer SET status = 2 WHERE sub_customer_id = $1").execute(Tuple.of(sub))
                .await().indefinitely();
        allocate(master, sub, "10.00", transId).statusCode(200);
        allocate(master, sub, "10.00", null).statusCode(400).body("error_code", equalTo("CBC.99000043"))
                .body("error_msg", containsString("not active"));
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("90.00");
    }

    @Test
    void badInputNamesTheParameter() {
        Map<String, String> bad = Map.of("amount", "0", "customer_id", "", "balance_type", "BALANCE_TYPE_GOLD",
                "trans_id", "t".repeat(65), "expire_time", "tomorrow");
        for (Map.Entry<String, String> field : bad.entrySet()) {
            Map<String, Object> request = body(sub, "1.00", null);
            request.put(field.getKey(), field.getValue());
            transfer(ALLOCATE, master, request).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(field.getKey()));
        }
        for (String amount : List.of("1.234", "-1", "abc", "1e3", "01.00", " 1")) {
            allocate(master, sub, amount, null).statusCode(400).body("error_msg", containsString("amount"));
        }
        given().header("Authorization", bearer(master)).contentType(ContentType.JSON).body("{\"amount\": [1]}")
                .post(ALLOCATE).then().statusCode(400).body("error_code", equalTo("CBC.0100"));
        given().header("Authorization", bearer(master)).get(ALLOCATE).then().statusCode(400)
                .body("error_msg", containsString("balance_type"));
        given().header("Authorization", bearer(master)).queryParam("balance_type", CASH).queryParam("limit", "101")
                .get(ALLOCATE).then().statusCode(400).body("error_msg", containsString("limit"));
        given().header("Authorization", bearer(master)).queryParam("balance_type", CASH).get(RECLAIM).then()
                .statusCode(400).body("error_msg", containsString("sub_customer_id"));
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("100.00");
    }

    @Test
    void theAllowancesAreTheBalancesInBilling() {
        FakeBilling.fund(sub, "BALANCE_TYPE_CREDIT", "250.00");
        given().header("Authorization", bearer(master)).queryParam("balance_type", CASH).get(ALLOCATE).then()
                .statusCode(200).body("total_count", equalTo(1))
                .body("amount_infos[0].avail_transfer_amount", equalTo(100.0f))
                .body("amount_infos[0].currency", equalTo("CNY")).body("amount_infos[0].measure_id", equalTo(1));
        given().header("Authorization", bearer(master)).queryParam("balance_type", "BALANCE_TYPE_CREDIT")
                .get(ALLOCATE).then().statusCode(200).body("total_count", equalTo(0));
        given().header("Authorization", bearer(master)).queryParam("sub_customer_id", sub)
                .queryParam("balance_type", "BALANCE_TYPE_CREDIT").get(RECLAIM).then().statusCode(200)
                .body("total_count", equalTo(1)).body("amount_infos[0].avail_retrieve_amount", equalTo(250.0f))
                .body("amount_infos[0].credit_amount", equalTo(1000.0f));
        given().header("Authorization", bearer(master)).queryParam("sub_customer_id", sub)
                .queryParam("balance_type", "BALANCE_TYPE_CREDIT").queryParam("offset", "1").get(RECLAIM).then()
                .statusCode(200).body("total_count", equalTo(1)).body("amount_infos.size()", equalTo(0));
    }

    @Test
    void anAnswerLostAfterTheMovementIsRetriedWithTheSameKey() {
        FakeBilling.fail(FakeBilling.Mode.LOSE_ANSWER, 1);
        String transId = UUID.randomUUID().toString();
        allocate(master, sub, "20.00", transId).statusCode(200);
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(sub, CASH)).isEqualByComparingTo("20.00");
    }

    @Test
    void duringAnOutageTheTransferStaysPendingAndTheReconcilerFinishesIt() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        String transId = UUID.randomUUID().toString();
        // the ledger's outcome is unknown: in progress (a refusal to ask again), not a fault of this service
        allocate(master, sub, "25.00", transId).statusCode(400).body("error_code", equalTo("CBC.99007461"))
                .body("error_msg", containsString(transId));
        allocate(master, sub, "25.00", transId).statusCode(400).body("error_code", equalTo("CBC.99007461"));
        assertThat(status(transId)).isEqualTo("PENDING");

        FakeBilling.recover();
        reconcileAfterTheGracePeriod();
        assertThat(status(transId)).isEqualTo("SUCCEEDED");
        allocate(master, sub, "25.00", transId).statusCode(200);
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(sub, CASH)).isEqualByComparingTo("25.00");
    }

    @Test
    void aCouponTransferDuringAnOutageIsInProgressLikeAFundTransfer() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        String transId = UUID.randomUUID().toString();
        Map<String, Object> coupon = Map.of("customer_id", sub, "coupon_id", "CP-" + transId, "amount", "5.00",
                "trans_id", transId);
        for (int i = 0; i < 2; i++) {
            transfer(COUPON, master, coupon).statusCode(400).body("error_code", equalTo("CBC.99007461"))
                    .body("error_msg", containsString(transId));
        }
        assertThat(status(transId)).isEqualTo("PENDING");
        // the fake ledger has no coupons: leave no pending transfer for the other tests' reconciler runs
        pool.preparedQuery("DELETE FROM transfer WHERE master_customer_id = $1 AND trans_id = $2")
                .execute(Tuple.of(master, transId)).await().indefinitely();
    }

    @Test
    void aTransferRecordedBeforeACrashIsFinishedOnce() {
        // The service crashed after recording the transfer, with or without the ledger having made it.
        String madeBeforeCrash = UUID.randomUUID().toString();
        String notMade = UUID.randomUUID().toString();
        recordPending(madeBeforeCrash, "10.00");
        recordPending(notMade, "5.00");
        allocateDirectlyInBilling(madeBeforeCrash, "10.00");

        reconcileAfterTheGracePeriod();
        assertThat(status(madeBeforeCrash)).isEqualTo("SUCCEEDED");
        assertThat(status(notMade)).isEqualTo("SUCCEEDED");
        assertThat(FakeBilling.moves(ledgerKey(madeBeforeCrash))).isEqualTo(1);
        assertThat(FakeBilling.moves(ledgerKey(notMade))).isEqualTo(1);
        assertThat(FakeBilling.balance(sub, CASH)).isEqualByComparingTo("15.00");
        allocate(master, sub, "10.00", madeBeforeCrash).statusCode(200);
    }

    @Test
    void aPendingTransferTheLedgerRefusesFailsWithThatAnswer() {
        String transId = UUID.randomUUID().toString();
        recordPending(transId, "1000.00");
        reconcileAfterTheGracePeriod();
        assertThat(status(transId)).isEqualTo("FAILED");
        allocate(master, sub, "1000.00", transId).statusCode(400).body("error_code", equalTo("CBC.99005003"));
    }

    @Test
    void concurrentDuplicatesMoveMoneyOnce() {
        String transId = UUID.randomUUID().toString();
        List<CompletableFuture<Response>> calls = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().header("Authorization", bearer(master)).contentType(ContentType.JSON)
                        .body(body(sub, "7.00", transId)).post(ALLOCATE).thenReturn())).toList();
        for (CompletableFuture<Response> call : calls) {
            Response response = call.join();
            if (response.statusCode() != 200) {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.jsonPath().getString("error_code")).isEqualTo("CBC.99007461");
            }
        }
        reconcileAfterTheGracePeriod();
        allocate(master, sub, "7.00", transId).statusCode(200);
        assertThat(FakeBilling.moves(ledgerKey(transId))).isEqualTo(1);
        assertThat(FakeBilling.balance(master, CASH)).isEqualByComparingTo("93.00");
    }

    private void reconcileAfterTheGracePeriod() {
        pool.query("UPDATE transfer SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING'")
                .execute().await().indefinitely();
        reconciler.reconcile().await().indefinitely();
    }

    private void recordPending(String transId, String amount) {
        JsonObject request = new JsonObject().put("amount", new BigDecimal(amount).toPlainString())
                .put("balance_type", CASH);
        TransferIntent intent = new TransferIntent(transId, TransferKind.ALLOCATE, sub, request);
        pool.preparedQuery("""
                        INSERT INTO transfer (master_customer_id, trans_id, kind, sub_customer_id, request, request_hash,
                                              status, next_attempt_at, created_at)
                        VALUES ($1, $2, 'ALLOCATE', $3, $4, $5, 'PENDING', now(), now())""")
                .execute(Tuple.of(master, transId, sub, request, intent.hash())).await().indefinitely();
    }

    /** The ledger made the movement (its answer never reached enterprise-service). */
    private void allocateDirectlyInBilling(String transId, String amount) {
        BigDecimal value = new BigDecimal(amount);
        FakeBilling.fund(master, CASH, FakeBilling.balance(master, CASH).subtract(value).toPlainString());
        FakeBilling.fund(sub, CASH, FakeBilling.balance(sub, CASH).add(value).toPlainString());
        FakeBilling.MOVES.computeIfAbsent(ledgerKey(transId), k -> new AtomicInteger())
                .incrementAndGet();
        FakeBilling.POSTED.put(ledgerKey(transId), new JsonObject().put("entry_id", 1).put("replayed", false));
    }

    private String status(String transId) {
        return pool.preparedQuery("SELECT status FROM transfer WHERE master_customer_id = $1 AND trans_id = $2")
                .execute(Tuple.of(master, transId)).await().indefinitely().iterator().next().getString("status");
    }

    private String ledgerKey(String transId) {
        return new Transfer(master, transId, TransferKind.ALLOCATE, sub, null, null, null, null, 0).ledgerKey();
    }

    static ValidatableResponse allocate(String master, String sub, String amount, String transId) {
        return transfer(ALLOCATE, master, body(sub, amount, transId));
    }

    static ValidatableResponse transfer(String path, String master, Map<String, Object> body) {
        return given().header("Authorization", bearer(master)).contentType(ContentType.JSON).body(body).post(path)
                .then();
    }

    static Map<String, Object> body(String sub, String amount, String transId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer_id", sub);
        body.put("amount", amount);
        body.put("trans_id", transId);
        body.put("balance_type", CASH);
        return body;
    }

    static String bearer(String master) {
        return InternalKeys.bearer("enterprise-service", master, CallerKind.ENTERPRISE_MASTER);
    }

    static void associate(String master, String sub, int custody) {
        given().header("Authorization", InternalKeys.bearer("enterprise-service",
                        CallerIdentity.operator("test")))
                .contentType(ContentType.JSON).body(Map.of("account_name", "acct-" + sub.substring(0, 8),
                        "financial_custody", custody))
                .put("/internal/v1/enterprises/{m}/sub-customers/{s}", master, sub).then().statusCode(200);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
