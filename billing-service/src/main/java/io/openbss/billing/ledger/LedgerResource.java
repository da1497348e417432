package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The internal ledger API that orders-service and enterprise-service call. Every call is idempotent by its
 * {@code idempotency_key}: repeating it returns the first result (with {@code replayed: true}) and moves nothing;
 * the same key with other content is 400.
 */
@Path("/internal/v1/ledger")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class LedgerResource {

    @Inject
    ChargeBatches charges;

    @Inject
    RefundService refunds;

    @Inject
    TransferService transfers;

    @POST
    @Path("/charges")
    @Operation(summary = "Charge a customer for a trade: discount coupons, cash coupons, stored-value cards, cash, "
            + "credit (and arrears when allowed), in that order; writes the bill lines")
    public Uni<ChargeResult> charge(ChargeRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return charges.charge(request);
    }

    @POST
    @Path("/refunds")
    @Operation(summary = "Refund part of a charge to the cash, credit and cards that paid it, in proportion")
    public Uni<ChargeResult> refund(RefundRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return refunds.refund(request);
    }

    @POST
    @Path("/transfers")
    @Operation(summary = "Move cash or available credit from one customer to another")
    public Uni<PostedEntry> transfer(TransferRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return transfers.transfer(request);
    }
}
