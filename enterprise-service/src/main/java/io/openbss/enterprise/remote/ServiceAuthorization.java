package io.openbss.enterprise.remote;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.enterprise.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;

/** Calls to other services carry a token naming enterprise-service, for the service called. */
public final class ServiceAuthorization {

    private ServiceAuthorization() {
    }

    public static MultivaluedMap<String, String> headers(ServiceTokens tokens, String audience) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", tokens.bearer(audience));
        return headers;
    }

    @ApplicationScoped
    static class Producer {

        @Produces
        @ApplicationScoped
        ServiceTokens serviceTokens(EnterpriseConfig config, Clock clock) {
            EnterpriseConfig.InternalTokenConfig token = config.internalToken();
            return new ServiceTokens("enterprise-service", ServiceTokens.privateKey(token.privateKey(),
                    token.privateKeyLocation(), "bss.enterprise.internal-token.private-key-location"),
                    token.lifespan(), clock);
        }
    }
}
