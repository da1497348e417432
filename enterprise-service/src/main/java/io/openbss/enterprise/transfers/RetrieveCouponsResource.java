package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInt;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.enterprise.subcustomers.SubAccountAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The coupons a sub-account received from its master's coupons, which the master may take back. */
@Path("/v2/enterprises/multi-accounts/retrieve-coupons")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class RetrieveCouponsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @Inject
    SubAccountAccess access;

    @GET
    @Operation(operationId = "ListMultiAccountRetrieveCoupons", summary = "A sub-account's coupons the master may "
            + "take back")
    public Uni<CouponViews.RetrieveCoupons> list(@QueryParam("sub_customer_id") String subCustomerId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        String subId = requiredText("sub_customer_id", subCustomerId, 64);
        int from = optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = optionalInt("limit", limit, 1, 100, 10);
        return access.requireAssociated(master.customerId(), subId)
                .chain(() -> billing.receivedCoupons(subId, master.customerId(), from, size))
                .map(CouponViews.RetrieveCoupons::of).onFailure().transform(RemoteErrors::answer);
    }
}
