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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The master's coupons: those it may give part of to its sub-accounts and giving it, those a sub-account received
 * that it may take back and taking them back. Every move is a {@link TransferService#fromMaster} transfer, once per
 * trans_id.
 */
@Path("/v2/enterprises/multi-accounts")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CouponTransfersResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @Inject
    SubAccountAccess access;

    @Inject
    TransferService transfers;

    @GET
    @Path("/transfer-coupons")
    @Operation(operationId = "ListMultiAccountTransferCoupons", summary = "The master's coupons it may give")
    public Uni<CouponViews.TransferCoupons> transferable(@QueryParam("offset") String offset,
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

    @POST
    @Path("/transfer-coupon")
    @Operation(operationId = "ClaimEnterpriseMultiAccountCoupon", summary = "Give part of a coupon to a sub-account, "
            + "once per trans_id")
    public Uni<Map<String, Object>> transfer(CouponTransferRequest request) {
        return transfers.fromMaster(caller.get(), request, CouponTransferRequest::toIntent);
    }

    @GET
    @Path("/retrieve-coupons")
    @Operation(operationId = "ListMultiAccountRetrieveCoupons", summary = "A sub-account's coupons the master may "
            + "take back")
    public Uni<CouponViews.RetrieveCoupons> reclaimable(@QueryParam("sub_customer_id") String subCustomerId,
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

    @POST
    @Path("/retrieve-coupon")
    @Operation(operationId = "ReclaimEnterpriseMultiAccountCoupon", summary = "Take back a coupon given to a "
            + "sub-account, once per trans_id")
    public Uni<Map<String, Object>> reclaim(CouponReclaimRequest request) {
        return transfers.fromMaster(caller.get(), request, CouponReclaimRequest::toIntent);
    }
}
