package io.openbss.common.remote;

import io.openbss.common.identity.ServiceTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Calls to another service carry a token naming the calling service, for the service called (its audience). */
public abstract class ServiceAuthorization implements ClientHeadersFactory {

    private final String audience;

    @Inject
    protected ServiceTokens tokens;

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
}
