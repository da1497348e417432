package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With tracing on, the gateway passes a W3C trace context to the service, continuing the client's trace. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.sampler", "always_on");
        }
    }

    @Test
    void theServiceGetsTheTraceOfTheClientsRequest() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        SignedHttpClient.Response answer = account.client().send("GET", "/v2/accounts/customer-accounts/balances",
                null, Map.of("traceparent", "00-" + clientTrace + "-00f067aa0ba902b7-01"), null, Instant.now());
        assertThat(answer.status()).isEqualTo(200);
        String forwarded = JsonPath.from(answer.body()).getString("headers.traceparent");
        assertThat(forwarded).matches("00-" + clientTrace + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");

        SignedHttpClient.Response fresh = account.client().send("GET", "/v2/accounts/customer-accounts/balances",
                null, null);
        assertThat(JsonPath.from(fresh.body()).getString("headers.traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(clientTrace);
    }
}
