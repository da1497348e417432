package io.openbss.billing.customers;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.accounts.LedgerAccount;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: a customer's cash and credit, for enterprise-service to move funds between master and sub-accounts. */
@Path("/internal/v1/customers/{customer_id}/funds")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class CustomerFundsResource {

    @Inject
    Pool pool;

    @GET
    @Operation(summary = "A customer's cash balance, and its available and granted credit when it has credit")
    public Uni<CustomerFunds> show(@PathParam("customer_id") String customerId) {
        requiredText("customer_id", customerId, 64);
        return Customer.requireRegistered(pool, customerId)
                .chain(() -> LedgerAccount.ofCustomer(pool, customerId))
                .map(accounts -> CustomerFunds.of(customerId, accounts));
    }
}
