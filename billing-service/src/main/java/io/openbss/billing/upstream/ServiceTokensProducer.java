package io.openbss.billing.upstream;

import io.openbss.common.identity.InternalKeyConfig;
import io.openbss.common.identity.ServiceTokens;
import io.quarkus.arc.DefaultBean;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * billing-service signs tokens only for the gateway's egress (upstream mode); the key is read at the first linked
 * call, so a billing-service without one still serves every local account. A default bean: billing's contract
 * tests sign as its callers.
 */
@ApplicationScoped
public class ServiceTokensProducer {

    @ConfigMapping(prefix = "bss.billing.internal-token")
    public interface BillingKey extends InternalKeyConfig {
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    ServiceTokens serviceTokens(BillingKey key) {
        return ServiceTokens.of("billing-service", key, "bss.billing.internal-token.private-key-location");
    }
}
