package io.openbss.billing.customers;

import io.openbss.billing.accounts.AccountBalancesResponse;
import io.openbss.billing.accounts.LedgerAccount;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: operators and services register customer accounts with billing. */
@Path("/internal/v1/customers/{customer_id}")
@RolesAllowed({InternalToken.GROUP_OPERATOR, InternalToken.GROUP_SERVICE})
public class CustomerRegistrationResource {

    @Inject
    CustomerService customers;

    @Inject
    Pool pool;

    @PUT
    @Operation(summary = "Register a customer (idempotent): opens its cash account, and sets its credit limit when given")
    public Uni<AccountBalancesResponse> register(@PathParam("customer_id") String customerId,
            CustomerRegistration registration) {
        RequestParameters.requiredText("customer_id", customerId, 64);
        if (registration == null) {
            throw BssException.badParameter("body", "is required");
        }
        registration.validate();
        return customers.register(customerId, registration)
                .chain(() -> LedgerAccount.ofCustomer(pool, customerId))
                .map(AccountBalancesResponse::of);
    }
}
