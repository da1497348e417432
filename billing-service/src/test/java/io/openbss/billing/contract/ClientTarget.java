package io.openbss.billing.contract;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The billing client in billing-service's tests calls the billing-service under test, on its random test port. */
public class ClientTarget implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.billing.url", "http://localhost:${quarkus.http.test-port}");
    }

    @Override
    public void stop() {
    }
}
