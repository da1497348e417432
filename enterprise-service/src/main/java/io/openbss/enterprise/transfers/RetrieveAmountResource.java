package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInt;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.enterprise.subcustomers.SubAccountAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A sub-account's funds that its master may reclaim, and reclaiming them. */
@Path("/v2/enterprises/multi-accounts/retrieve-amount")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class RetrieveAmountResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @Inject
    SubAccountAccess access;

    @Inject
    TransferService transfers;

    /** ListEnterpriseMultiAccountResponse of the SDK. */
    public record RetrieveAmounts(int totalCount,
            List<RetrieveAmountInfo> amountInfos) {
    }

    /** RetrieveAmountInfoV2 of the SDK. */
    public record RetrieveAmountInfo(BigDecimal availRetrieveAmount,
            int measureId, String currency,
            BigDecimal amount, BigDecimal creditAmount) {
    }

    @GET
    @Operation(operationId = "ListEnterpriseMultiAccount", summary = "What the master may reclaim from a sub-account")
    public Uni<RetrieveAmounts> list(@QueryParam("sub_customer_id") String subCustomerId,
            @QueryParam("balance_type") String balanceType, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        String subId = requiredText("sub_customer_id", subCustomerId, 64);
        String type = FundTransferRequest.balanceType(RequestParameters.required("balance_type", balanceType));
        int from = optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = optionalInt("limit", limit, 1, 100, 10);
        return access.requireAssociated(master.customerId(), subId).chain(() -> billing.funds(subId)).map(funds -> {
            List<Allowance> all = Allowance.of(funds, type);
            return new RetrieveAmounts(all.size(), Allowance.page(all, from, size).stream()
                    .map(a -> new RetrieveAmountInfo(a.available(), 1, "CNY", a.amount(), a.creditAmount()))
                    .toList());
        }).onFailure().transform(RemoteErrors::answer);
    }

    @POST
    @Operation(operationId = "ReclaimSubEnterpriseAmount", summary = "Reclaim funds from a sub-account, once per "
            + "trans_id")
    public Uni<Map<String, Object>> reclaim(FundTransferRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return transfers.transfer(master.customerId(), request.toIntent(TransferKind.RECLAIM));
    }
}
