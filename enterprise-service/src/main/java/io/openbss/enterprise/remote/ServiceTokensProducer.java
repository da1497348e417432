package io.openbss.enterprise.remote;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.enterprise.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

@ApplicationScoped
public class ServiceTokensProducer {

    @Produces
    @ApplicationScoped
    ServiceTokens serviceTokens(EnterpriseConfig config) {
        return ServiceTokens.of("enterprise-service", config.internalToken(),
                "bss.enterprise.internal-token.private-key-location");
    }
}
