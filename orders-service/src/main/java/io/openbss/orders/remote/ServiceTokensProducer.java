package io.openbss.orders.remote;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.orders.OrdersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

@ApplicationScoped
public class ServiceTokensProducer {

    @Produces
    @ApplicationScoped
    ServiceTokens serviceTokens(OrdersConfig config, Clock clock) {
        OrdersConfig.InternalTokenConfig token = config.internalToken();
        return new ServiceTokens("orders-service", ServiceTokens.privateKey(token.privateKey(),
                token.privateKeyLocation(), "bss.orders.internal-token.private-key-location"),
                token.lifespan(), clock);
    }
}
