package io.openbss.enterprise.billing;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.enterprise.remote.ServiceAuthorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

@ApplicationScoped
public class BillingAuthorization implements ClientHeadersFactory {

    @Inject
    ServiceTokens tokens;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return ServiceAuthorization.headers(tokens, "billing-service");
    }
}
