package io.openbss.billing.customers;

import io.openbss.billing.accounts.LedgerAccount;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: a customer's cash and credit, for enterprise-service to move funds between master and sub-accounts. */
@Path("/internal/v1/customers/{customer_id}/funds")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class CustomerFundsResource {

    @GET
    @WithSession
    @Operation(summary = "A customer's cash balance, and its available and granted credit when it has credit")
    public Uni<CustomerFunds> show(@PathParam("customer_id") String customerId) {
        requiredText("customer_id", customerId, 64);
        return Customer.<Customer>findById(customerId).flatMap(customer -> {
            if (customer == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER,
                        "Customer " + customerId + " is not registered with billing");
            }
            return LedgerAccount.ofCustomer(customerId);
        }).map(accounts -> CustomerFunds.of(customerId, accounts));
    }
}
