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

/** Internal API: the coupons a sub-account received from its master's coupons, which the master can take back. */
@Path("/internal/v1/customers/{customer_id}/received-coupons")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class ReceivedCouponsResource {

    @Inject
    HeldCoupons coupons;

    @GET
    @Operation(summary = "The customer's coupons split from coupons of from_customer_id, not reclaimed nor expired, "
            + "with value left")
    public Uni<CouponViews.HeldCouponList> list(@PathParam("customer_id") String customerId,
            @QueryParam("from_customer_id") String fromCustomerId, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        requiredText("customer_id", customerId, 64);
        requiredText("from_customer_id", fromCustomerId, 64);
        return coupons.received(customerId, fromCustomerId, Paging.of(offset, limit, 10, 100));
    }
}
