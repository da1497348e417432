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

/** Taking back what is left of a coupon given to a sub-account. */
@Path("/v2/enterprises/multi-accounts/retrieve-coupon")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class RetrieveCouponResource {

    @Inject
    CurrentCaller caller;

    @Inject
    TransferService transfers;

    @POST
    @Operation(operationId = "ReclaimEnterpriseMultiAccountCoupon", summary = "Take back a coupon given to a "
            + "sub-account, once per trans_id")
    public Uni<Map<String, Object>> reclaim(CouponReclaimRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return transfers.transfer(master.customerId(), request.toIntent());
    }
}
