package io.openbss.billing.coupons;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: the coupons that could pay a pending order, for ListOrderCouponsByOrderId in orders-service. */
@Path("/internal/v1/coupons/applicable")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class ApplicableCouponsResource {

    @Inject
    ApplicableCoupons coupons;

    @POST
    @Operation(summary = "The payer's coupons that could pay this order now, by the rules a charge applies, and how "
            + "many of each type one payment may use")
    public Uni<CouponViews.ApplicableCouponList> list(ApplicableCouponsRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return coupons.list(request, request.validate());
    }
}
