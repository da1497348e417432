package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: coupons and stored-value cards issued by operators, and coupons moved between customers. */
@Path("/internal/v1")
public class CouponAdminResource {

    @Inject
    CouponService coupons;

    public record Issued(String id) {
    }

    @POST
    @Path("/coupons")
    @RolesAllowed(InternalToken.GROUP_OPERATOR)
    @Operation(summary = "Issue a coupon to a customer (idempotent; the coupon id derives from the key)")
    public Uni<Issued> issueCoupon(CouponIssue issue) {
        if (issue == null) {
            throw BssException.badParameter("body", "is required");
        }
        issue.validate();
        return coupons.issueCoupon(issue).map(Issued::new);
    }

    @POST
    @Path("/stored-value-cards")
    @RolesAllowed(InternalToken.GROUP_OPERATOR)
    @Operation(summary = "Issue a stored-value card to a customer (idempotent; the card id derives from the key)")
    public Uni<Issued> issueCard(CardIssue issue) {
        if (issue == null) {
            throw BssException.badParameter("body", "is required");
        }
        issue.validate();
        return coupons.issueCard(issue).map(Issued::new);
    }

    @POST
    @Path("/coupons/{coupon_id}/transfers")
    @RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
    @Operation(summary = "Give part of a coupon's value to another customer as a new coupon (idempotent; the new "
            + "coupon id derives from the key)")
    public Uni<Issued> transfer(@PathParam("coupon_id") String couponId, CouponTransfer transfer) {
        requiredText("coupon_id", couponId, 64);
        if (transfer == null) {
            throw BssException.badParameter("body", "is required");
        }
        transfer.validate();
        return coupons.transfer(couponId, transfer).map(Issued::new);
    }

    @POST
    @Path("/coupons/{coupon_id}/reclaims")
    @RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
    @Operation(summary = "Take back what is left of a transferred coupon into the coupon it came from (idempotent)")
    public Uni<ReclaimedCoupon> reclaim(@PathParam("coupon_id") String couponId, CouponReclaim reclaim) {
        requiredText("coupon_id", couponId, 64);
        if (reclaim == null) {
            throw BssException.badParameter("body", "is required");
        }
        reclaim.validate();
        return coupons.reclaim(couponId, reclaim);
    }
}
