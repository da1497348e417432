package io.openbss.gateway;

import io.openbss.testing.EmbeddedRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Redis for the gateway's shared quotas, which a test may stop and start to play an outage. */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    static volatile EmbeddedRedis redis;

    @Override
    public Map<String, String> start() {
        redis = new EmbeddedRedis();
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
    }
}
