package io.openbss.enterprise.transfers;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Giving part of a coupon to a sub-account, as a coupon of its own. */
@Path("/v2/enterprises/multi-accounts/transfer-coupon")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class TransferCouponResource {

    @Inject
    CurrentCaller caller;

    @Inject
    TransferService transfers;

    @POST
    @Operation(operationId = "ClaimEnterpriseMultiAccountCoupon", summary = "Give part of a coupon to a sub-account, "
            + "once per trans_id")
    public Uni<Map<String, Object>> transfer(CouponTransferRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return transfers.transfer(master.customerId(), request.toIntent());
    }
}
