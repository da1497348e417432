package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInt;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The master's cash coupons that it may give to sub-accounts. */
@Path("/v2/enterprises/multi-accounts/transfer-coupons")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class TransferCouponsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @GET
    @Operation(operationId = "ListMultiAccountTransferCoupons", summary = "The master's coupons it may give")
    public Uni<CouponViews.TransferCoupons> list(@QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        int from = optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = optionalInt("limit", limit, 0, 100, 10);
        // limit=0 is allowed: it asks for the count alone
        return billing.transferableCoupons(master.customerId(), from, Math.max(size, 1))
                .map(page -> CouponViews.TransferCoupons.of(page, size))
                .onFailure().transform(RemoteErrors::answer);
    }
}
