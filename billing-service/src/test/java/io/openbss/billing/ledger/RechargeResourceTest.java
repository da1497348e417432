package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class RechargeResourceTest {

    @Inject
    Pool pool;

    @Test
    void repeatingAKeyReturnsTheFirstPostingAndMovesMoneyOnce() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        long first = recharge("same-" + id, id, "10.00").statusCode(200).body("replayed", equalTo(false))
                .extract().jsonPath().getLong("entry_id");
        long again = recharge("same-" + id, id, "10.00").statusCode(200).body("replayed", equalTo(true))
                .extract().jsonPath().getLong("entry_id");

        assertThat(again).isEqualTo(first);
        assertThat(cashBalance(id)).isEqualByComparingTo("10.00");
        assertThat(entriesWithKey("recharge:same-" + id)).isEqualTo(1);
    }

    @Test
    void reusingAKeyForAnotherAmountIs400() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        recharge("k-" + id, id, "10.00").statusCode(200);
        recharge("k-" + id, id, "11.00").statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("idempotency key"));
        assertThat(cashBalance(id)).isEqualByComparingTo("10.00");
    }

    @Test
    void concurrentRequestsWithOneKeyProduceOneMovement() throws Exception {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return recharge("race-" + id, id, "7.77").extract().statusCode();
            }, executor));
        }
        start.countDown();
        for (CompletableFuture<Integer> call : calls) {
            assertThat(call.get()).isEqualTo(200);
        }
        executor.shutdown();

        assertThat(entriesWithKey("recharge:race-" + id)).isEqualTo(1);
        assertThat(cashBalance(id)).isEqualByComparingTo("7.77");
    }

    @Test
    void badInputNamesTheParameter() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        recharge("neg-" + id, id, "-1").statusCode(400).body("error_msg", containsString("amount"));
        recharge("cents-" + id, id, "1.001").statusCode(400).body("error_msg", containsString("amount"));
        recharge("type-" + id, id, "\"ten\"").statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("amount"));
        given().header("Authorization", io.openbss.billing.BillingTestSupport.operator()).contentType(ContentType.JSON)
                .body("{not json").post("/internal/v1/ledger/recharges").then().log().ifValidationFails().statusCode(400)
                .body("error_code", equalTo("CBC.0100"));
        recharge("", id, "1").statusCode(400).body("error_msg", containsString("idempotency_key"));
        assertThat(cashBalance(id)).isEqualByComparingTo("0");
    }

    @Test
    void unregisteredCustomerCannotBeRecharged() {
        recharge("nobody", newCustomerId(), "5").statusCode(400).body("error_code", equalTo("CBC.0101"));
    }

    @Test
    void customersCannotCallTheInternalLedgerApi() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        given().header("Authorization", customer(id)).contentType(ContentType.JSON)
                .body("{\"idempotency_key\":\"self\",\"customer_id\":\"" + id + "\",\"amount\":100}")
                .post("/internal/v1/ledger/recharges").then().statusCode(403).body("error_code", equalTo("CBC.0151"));
        assertThat(cashBalance(id)).isEqualByComparingTo("0");
    }

    BigDecimal cashBalance(String customerId) {
        return pool.preparedQuery("SELECT balance FROM ledger_account WHERE customer_id = $1 AND account_type = 'CASH'")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getBigDecimal("balance");
    }

    long entriesWithKey(String key) {
        return pool.preparedQuery("SELECT count(*) AS n FROM journal_entry WHERE idempotency_key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next().getLong("n");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
