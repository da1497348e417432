package io.openbss.billing.accounts;

import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v2/accounts/customer-accounts/balances")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class AccountBalancesResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Pool pool;

    @GET
    @Operation(operationId = "ShowCustomerAccountBalances", summary = "The caller's cash and credit balances")
    public Uni<AccountBalancesResponse> show() {
        return LedgerAccount.ofCustomer(pool, caller.get().customerId()).map(AccountBalancesResponse::of);
    }
}
