package io.openbss.gateway;

import static io.openbss.gateway.AuditTestSupport.requestId;
import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.gateway.pipeline.InFlightCalls;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Once the gateway shuts down, a call in flight is answered and recorded, new calls on both ports are refused with
 * 503 (not performed), and the drain ends when the last call in flight has its answer and its audit record.
 */
@QuarkusTest
@TestProfile(GracefulShutdownTest.OwnGateway.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class GracefulShutdownTest {

    /** A gateway of its own: this test shuts its public API down. */
    public static class OwnGateway implements QuarkusTestProfile {
    }

    static final String PAY = "/v3/orders/customer-orders/pay";

    @Inject
    InFlightCalls calls;

    @Inject
    Pool pool;

    @Test
    void aCallInFlightIsAnsweredAndRecordedWhileNewCallsAreRefused() throws Exception {
        SignedHttpClient client = account("individual").client();
        String heldId = requestId();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<SignedHttpClient.Response> held = threads.submit(() -> client.send("POST", PAY, null,
                    Map.of("X-Request-Id", heldId), "{\"order_id\":\"held\"}".getBytes(StandardCharsets.UTF_8),
                    Instant.now()));
            assertThat(GatewayTestResource.heldArrived.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(calls.count()).isEqualTo(1);

            Future<Boolean> drained = threads.submit(calls::awaitNone);
            SignedHttpClient.Response refused = untilRefused(client);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(JsonPath.from(refused.body()).getString("error_code")).isEqualTo("APIG.0201");
            assertThat(JsonPath.from(refused.body()).getString("error_msg")).contains("shutting down");
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(refused.header("X-Request-Id")).isNotBlank();
            admin().get("/admin/v1/domains").then().statusCode(503).body("error_code", equalTo("CBC.0999"));
            // the held call keeps the drain going
            assertThat(drained.isDone()).isFalse();

            GatewayTestResource.releaseHeld();
            SignedHttpClient.Response answered = held.get(30, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(calls.count()).isZero();
        } finally {
            GatewayTestResource.releaseHeld();
            threads.shutdownNow();
        }
        // the admin API refuses too now: the record is read from the database
        List<Integer> recorded = new ArrayList<>();
        pool.preparedQuery("SELECT status FROM audit_record WHERE request_id = $1").execute(Tuple.of(heldId))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                .forEach(row -> recorded.add(row.getInteger("status")));
        assertThat(recorded).containsExactly(200);
    }

    /** Sends calls until the gateway refuses one (the drain has begun in another thread), within 10 s. */
    private static SignedHttpClient.Response untilRefused(SignedHttpClient client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        SignedHttpClient.Response answer;
        do {
            answer = client.send("POST", PAY, null, Map.of("X-Request-Id", requestId()),
                    "{\"order_id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), Instant.now());
        } while (answer.status() != 503 && System.nanoTime() < deadline);
        return answer;
    }
}
