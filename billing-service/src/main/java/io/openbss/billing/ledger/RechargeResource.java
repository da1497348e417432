package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal ledger API: an operator recharges a customer's cash account. */
@Path("/internal/v1/ledger/recharges")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class RechargeResource {

    @Inject
    RechargeService recharges;

    @POST
    @Operation(summary = "Recharge a customer's cash account (arrears are repaid first); idempotent by idempotency_key")
    public Uni<PostedEntry> recharge(RechargeRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return recharges.recharge(request);
    }
}
