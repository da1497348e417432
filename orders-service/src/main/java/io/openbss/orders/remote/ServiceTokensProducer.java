package io.openbss.orders.remote;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.orders.OrdersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

@ApplicationScoped
public class ServiceTokensProducer {

    @Produces
    @ApplicationScoped
    ServiceTokens serviceTokens(OrdersConfig config) {
        return ServiceTokens.of("orders-service", config.internalToken(),
                "bss.orders.internal-token.private-key-location");
    }
}
