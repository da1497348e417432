package io.openbss.gateway.accounts;

import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * The internal IAM API that services call with an internal token (group {@code service}) on the admin port: the
 * public listener never routes here, and the admin token does not open it.
 */
@Path("/internal/v1/domains")
@RolesAllowed(InternalToken.GROUP_SERVICE)
public class InternalAccountsResource {

    @Inject
    AccountCreationService accounts;

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create an account and its root user for a service (an enterprise sub-account). "
            + "Idempotent: a request repeating an idempotency_key (with or without the password) answers 201 with "
            + "the first result and \"replayed\": true, and creates nothing; the same key with a different name, "
            + "kind, phone or master is refused with 400 CBC.0100")
    public Uni<AccountRequests.CreatedAccount> create(AccountRequests.NewAccount request) {
        return accounts.create(request);
    }
}
