package io.openbss.billing.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.testing.FakeEgress;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A linked account's balances are the upstream's, read through the egress; billing's breaker shows in health. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeEgress.class)
class UpstreamBalancesTest {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";

    final String customer = "c" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void egressAnswers() {
        FakeEgress.reset();
    }

    @Test
    void aLinkedCallersBalancesComeFromTheUpstreamUnchanged() {
        String answer = "{\"account_balances\":[{\"amount\":1234.5}],\"currency\":\"CNY\"}";
        FakeEgress.answer(200, answer);
        String body = given().header("Authorization", bearer(true)).header("X-Request-Id", "bal-1").get(BALANCES)
                .then().statusCode(200).header("X-Upstream-Request-Id", "up-1").extract().asString();
        assertThat(body).isEqualTo(answer);
        assertThat(FakeEgress.RECEIVED.getFirst().headers()).containsEntry("x-bss-linked-domain", customer)
                .containsEntry("x-request-id", "bal-1");
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'circuit-breakers' }.data.upstream", equalTo("closed"));
    }

    @Test
    void callsHeldBackByTheUpstreamsQuotaAreRefusedUnsentAndLeaveTheBreakerClosed() {
        // twice the breaker's window, all refused: the upstream's own 429s would open it
        int heldBack = 20;
        FakeEgress.holdBack(heldBack);
        for (int i = 0; i < heldBack; i++) {
            given().header("Authorization", bearer(true)).get(BALANCES).then().statusCode(429)
                    .body("error_code", equalTo("APIG.0308"));
        }
        assertThat(FakeEgress.received(BALANCES)).as("each held-back call asked once, not again").isEqualTo(heldBack);
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'circuit-breakers' }.data.upstream", equalTo("closed"));
        given().header("Authorization", bearer(true)).get(BALANCES).then().statusCode(200);
    }

    @Test
    void anUnlinkedCallersBalancesAreLocal() {
        given().header("Authorization", bearer(false)).get(BALANCES).then()
                .header("X-Upstream-Request-Id", nullValue());
        assertThat(FakeEgress.RECEIVED).isEmpty();
    }

    private String bearer(boolean linked) {
        return InternalKeys.bearer("billing-service", new CallerIdentity(customer, "name", CallerKind.INDIVIDUAL,
                null, null, Set.of(), linked));
    }
}
