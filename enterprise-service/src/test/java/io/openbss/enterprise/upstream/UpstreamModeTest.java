package io.openbss.enterprise.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.upstream.UpstreamGuard;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.FakeEgress;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A linked account's calls go to the gateway's egress and come back unchanged; its money calls exactly once. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
@QuarkusTestResource(FakeEgress.class)
class UpstreamModeTest {

    static final String ALLOCATE = "/v2/enterprises/multi-accounts/transfer-amount";
    static final String BREAKERS = "checks.find { it.name == 'circuit-breakers' }.data";
    static final String SUB_CUSTOMERS = "/v2/enterprises/multi-accounts/sub-customers";

    @Inject
    Pool pool;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    UpstreamReconciliation reconciliation;

    final String master = "m" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void egressAnswers() {
        FakeEgress.reset();
        breakers.reset(UpstreamGuard.BREAKER);
    }

    @Test
    void aLinkedCallersReadGoesToTheEgressAsSentAndItsAnswerComesBackUnchanged() {
        String query = "balance_type=BALANCE_TYPE_DEBIT&limit=1&limit=2&note=%E4%BD%A0+a%2Bb%20c&x=%7E";
        String answer = "{\"error_code\":\"CBC.7004\",\"error_msg\":\"upstream says no\"}";
        FakeEgress.answer(400, answer);
        Response response = given().urlEncodingEnabled(false).header("Authorization", linked(master))
                .header("X-Request-Id", "req-abc-1").header("X-Language", "en_US")
                .get(ALLOCATE + "?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).isEqualTo(answer);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Upstream-Request-Id")).isEqualTo("up-1");
        assertThat(response.header("X-Request-Id")).isEqualTo("req-abc-1");

        FakeEgress.Received sent = FakeEgress.RECEIVED.getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.uri()).isEqualTo("/internal/upstream" + ALLOCATE + "?" + query);
        assertThat(sent.headers()).containsEntry("x-bss-linked-domain", master)
                .containsEntry("x-request-id", "req-abc-1").containsEntry("x-language", "en_US");
        JsonObject token = claims(sent.headers().get("authorization"));
        assertThat(token.getString("sub")).isEqualTo("enterprise-service");
        assertThat(token.getValue("aud").toString()).contains("gateway");
    }

    @Test
    void aLinkedCallersWriteGoesWithItsBodyUnchangedAndIsSentOnce() {
        String body = "{ \"sub_customer_id\" :\"x\",\n\"display_name\": \"名\" }";
        FakeEgress.fail(503, 1);
        given().header("Authorization", linked(master)).contentType("application/json;charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).post(SUB_CUSTOMERS).then().statusCode(503)
                .body("error_code", equalTo("APIG.0201"));
        assertThat(FakeEgress.RECEIVED).hasSize(1);
        FakeEgress.Received sent = FakeEgress.RECEIVED.getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo("/internal/upstream" + SUB_CUSTOMERS);
        assertThat(sent.body()).isEqualTo(body);
        assertThat(sent.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void aLinkedCallersWriteWithoutABodyGoesUpstreamToo() {
        given().header("Authorization", linked(master)).post("/v2/enterprises/enterprise-projects/authority").then()
                .statusCode(200);
        assertThat(FakeEgress.RECEIVED).hasSize(1);
        assertThat(FakeEgress.RECEIVED.getFirst().uri())
                .isEqualTo("/internal/upstream/v2/enterprises/enterprise-projects/authority");
        assertThat(FakeEgress.RECEIVED.getFirst().body()).isEmpty();
    }

    @Test
    void aReadIsSentAgainAfterFailingAnswers() {
        FakeEgress.fail(502, 2);
        FakeEgress.answer(200, "{\"total_count\":1,\"amount_infos\":[]}");
        given().header("Authorization", linked(master)).queryParam("balance_type", "BALANCE_TYPE_DEBIT")
                .get(ALLOCATE).then().statusCode(200).body("total_count", equalTo(1));
        assertThat(FakeEgress.RECEIVED).hasSize(3);
    }

    @Test
    void anUnlinkedCallerIsServedLocally() {
        FakeBilling.fund(master, "BALANCE_TYPE_DEBIT", "12.00");
        given().header("Authorization", InternalKeys.bearer("enterprise-service", master,
                        CallerKind.ENTERPRISE_MASTER))
                .queryParam("balance_type", "BALANCE_TYPE_DEBIT").get(ALLOCATE).then().statusCode(200)
                .header("X-Upstream-Request-Id", nullValue());
        assertThat(FakeEgress.RECEIVED).isEmpty();
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndThenAnswers503FastWithoutCallingTheEgress() {
        FakeEgress.fail(500, Integer.MAX_VALUE);
        int failed = 0;
        while (failed < 10 && given().header("Authorization", linked(master))
                .queryParam("balance_type", "BALANCE_TYPE_DEBIT").get(ALLOCATE).statusCode() == 500) {
            failed++;
        }
        assertThat(failed).as("requests answered the upstream's 500 before the breaker opened").isBetween(3, 4);
        int sent = FakeEgress.RECEIVED.size();
        long start = System.nanoTime();
        given().header("Authorization", linked(master)).queryParam("balance_type", "BALANCE_TYPE_DEBIT")
                .get(ALLOCATE).then().statusCode(503).body("error_code", equalTo("CBC.0999"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(FakeEgress.RECEIVED).hasSize(sent);
        given().get("/q/health/well").then().statusCode(503).body(BREAKERS + ".upstream", equalTo("open"));
        assertThat(given().get("/q/metrics").asString()).contains("UpstreamGuard.send");
        breakers.reset(UpstreamGuard.BREAKER);
        given().get("/q/health/well").then().statusCode(200).body(BREAKERS + ".upstream", equalTo("closed"));
    }

    @Test
    void aTransferWhoseAnswerWasLostIsResentByTheReconcilerAndMovesMoneyOnce() {
        String transId = UUID.randomUUID().toString();
        JsonObject transfer = transfer(transId, "10.00");
        FakeEgress.loseAnswers(3);
        allocate(transfer).statusCode(503).body("error_code", equalTo("CBC.0999"))
                .body("error_msg", containsString("trans_id"));
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(3);
        assertThat(status(transId)).isEqualTo("PENDING");

        pool.preparedQuery("UPDATE upstream_call SET next_attempt_at = now() - interval '1 second'"
                + " WHERE idempotency_key = $1").execute(Tuple.of(transId)).await().indefinitely();
        reconciliation.reconcile().await().indefinitely();
        assertThat(status(transId)).isEqualTo("DONE");
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(4);

        allocate(transfer).statusCode(200).header("X-Upstream-Request-Id", "up-4");
        allocate(transfer).statusCode(200);
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(4);
        assertThat(FakeEgress.MOVES.get(transId).get()).isEqualTo(1);
        assertThat(FakeEgress.RECEIVED.stream().filter(r -> r.uri().contains(ALLOCATE))
                .map(r -> new JsonObject(r.body()))).allMatch(transfer::equals);
    }

    @Test
    void aRepeatWhileTheTransferIsPendingSendsItAgainAtOnce() {
        String transId = UUID.randomUUID().toString();
        FakeEgress.loseAnswers(3);
        allocate(transfer(transId, "5.00")).statusCode(503);
        allocate(transfer(transId, "5.00")).statusCode(200);
        assertThat(status(transId)).isEqualTo("DONE");
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(4);
        assertThat(FakeEgress.MOVES.get(transId).get()).isEqualTo(1);
    }

    @Test
    void aRefusedTransferStaysRefusedForItsTransId() {
        String transId = UUID.randomUUID().toString();
        FakeEgress.refuse(1, "CBC.99005003");
        allocate(transfer(transId, "3.00")).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        allocate(transfer(transId, "3.00")).statusCode(400).body("error_code", equalTo("CBC.99005003"));
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(1);
        assertThat(FakeEgress.MOVES).doesNotContainKey(transId);
    }

    @Test
    void aThrottledTransferWasPerformedNowhereAndItsTransIdStaysFree() {
        String transId = UUID.randomUUID().toString();
        FakeEgress.fail(429, 1);
        allocate(transfer(transId, "2.00")).statusCode(429);
        assertThat(status(transId)).isEqualTo("REFUSED");
        assertThat(FakeEgress.MOVES).doesNotContainKey(transId);
        allocate(transfer(transId, "2.00")).statusCode(200);
        assertThat(status(transId)).isEqualTo("DONE");
        assertThat(FakeEgress.MOVES.get(transId).get()).isEqualTo(1);
    }

    @Test
    void aTransferWhoseAccountWasUnlinkedMeanwhileStaysPendingUntilTheUpstreamAnswers() {
        String transId = UUID.randomUUID().toString();
        FakeEgress.loseAnswers(3);
        allocate(transfer(transId, "6.00")).statusCode(503);
        FakeEgress.fail(409, 1);
        pool.preparedQuery("UPDATE upstream_call SET next_attempt_at = now() - interval '1 second'"
                + " WHERE idempotency_key = $1").execute(Tuple.of(transId)).await().indefinitely();
        reconciliation.reconcile().await().indefinitely();
        assertThat(status(transId)).isEqualTo("PENDING");
        allocate(transfer(transId, "6.00")).statusCode(200);
        assertThat(status(transId)).isEqualTo("DONE");
        assertThat(FakeEgress.MOVES.get(transId).get()).isEqualTo(1);
    }

    @Test
    void anUpstreamStillWorkingOnTheTransferIsNoFinalAnswer() {
        String transId = UUID.randomUUID().toString();
        FakeEgress.refuse(1, "CBC.99007461");
        allocate(transfer(transId, "4.00")).statusCode(503).body("error_code", equalTo("CBC.0999"));
        assertThat(status(transId)).isEqualTo("PENDING");
        allocate(transfer(transId, "4.00")).statusCode(200);
        assertThat(status(transId)).isEqualTo("DONE");
        assertThat(FakeEgress.MOVES.get(transId).get()).isEqualTo(1);
    }

    @Test
    void theSameTransIdForAnotherTransferIsRefusedWithoutACall() {
        String transId = UUID.randomUUID().toString();
        allocate(transfer(transId, "1.00")).statusCode(200);
        allocate(transfer(transId, "2.00")).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("trans_id"));
        assertThat(FakeEgress.received(ALLOCATE)).isEqualTo(1);
    }

    private io.restassured.response.ValidatableResponse allocate(JsonObject body) {
        return given().header("Authorization", linked(master)).contentType(ContentType.JSON).body(body.encode())
                .post(ALLOCATE).then();
    }

    private static JsonObject transfer(String transId, String amount) {
        return new JsonObject().put("sub_customer_id", "s1").put("trans_id", transId).put("amount", amount);
    }

    private String status(String transId) {
        return pool.preparedQuery("SELECT status FROM upstream_call WHERE idempotency_key = $1")
                .execute(Tuple.of(transId)).await().indefinitely().iterator().next().getString(0);
    }

    static String linked(String customerId) {
        return InternalKeys.bearer("enterprise-service", new CallerIdentity(customerId, "name-" + customerId,
                CallerKind.ENTERPRISE_MASTER, null, null, Set.of(), true));
    }

    private static JsonObject claims(String authorization) {
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
