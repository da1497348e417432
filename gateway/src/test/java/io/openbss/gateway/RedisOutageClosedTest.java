package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.RateLimitTest.call;
import static io.openbss.gateway.RateLimitTest.nextAddress;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Told to fail closed, the gateway refuses with 503 while Redis is away, and serves again when it is back. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(RedisOutageClosedTest.FailClosed.class)
class RedisOutageClosedTest {

    /** The Redis set-up of {@link RedisRateLimitTest}, told to refuse while Redis is away. */
    public static class FailClosed extends RedisRateLimitTest.InRedis {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("bss.gateway.rate-limits.redis-failure", "closed");
            return overrides;
        }
    }

    @Test
    void refusesWhileRedisIsDown() throws Exception {
        SignedHttpClient client = account("individual").client();
        assertThat(call(client, nextAddress()).status()).isEqualTo(200);

        RedisTestResource.redis.stop();
        try {
            SignedHttpClient.Response refused = call(client, nextAddress());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(JsonPath.from(refused.body()).getString("error_code")).isEqualTo("APIG.0201");
            assertThat(JsonPath.from(refused.body()).getString("error_msg")).isEqualTo("Rate limiting unavailable");
        } finally {
            RedisTestResource.redis.start();
        }
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            status = call(client, nextAddress()).status();
        }
        assertThat(status).as("served again once Redis is back").isEqualTo(200);
    }
}
