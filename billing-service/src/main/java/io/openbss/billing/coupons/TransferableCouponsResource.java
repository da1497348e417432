package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: the coupons an enterprise master can give part of to its sub-accounts. */
@Path("/internal/v1/customers/{customer_id}/transferable-coupons")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class TransferableCouponsResource {

    @Inject
    HeldCoupons coupons;

    @GET
    @Operation(summary = "The customer's own cash coupons, valid now, with value left: those it can transfer")
    public Uni<CouponViews.HeldCouponList> list(@PathParam("customer_id") String customerId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        requiredText("customer_id", customerId, 64);
        return coupons.transferable(customerId, Paging.of(offset, limit, 10, 100));
    }
}
