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

@Path("/v2/accounts/customer-accounts/expenditure-quota")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class ExpenditureQuotaResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Pool pool;

    @GET
    @Operation(operationId = "ShowCustomerExpenditureQuota",
            summary = "The caller's credit line as its expenditure quota: granted, used, and the share used")
    public Uni<ExpenditureQuota> show() {
        return LedgerAccount.find(pool, caller.get().customerId(), AccountType.CREDIT).map(ExpenditureQuota::of);
    }
}
