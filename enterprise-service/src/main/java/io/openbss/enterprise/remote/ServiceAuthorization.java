package io.openbss.enterprise.remote;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.enterprise.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Calls to another service carry a token naming enterprise-service, for the service called. */
public abstract class ServiceAuthorization implements ClientHeadersFactory {

    private final String audience;

    @Inject
    ServiceTokens tokens;

    protected ServiceAuthorization(String audience) {
        this.audience = audience;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
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
