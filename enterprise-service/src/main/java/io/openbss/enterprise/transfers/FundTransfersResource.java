package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInt;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.common.request.RequestParameters;
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

/**
 * The master's funds: what it may allocate to its sub-accounts and allocating it, what it may reclaim from one and
 * reclaiming it. Every move is a {@link TransferService#fromMaster} transfer, once per trans_id.
 */
@Path("/v2/enterprises/multi-accounts")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class FundTransfersResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @Inject
    SubAccountAccess access;

    @Inject
    TransferService transfers;

    /** ShowMultiAccountTransferAmountResponse of the SDK. */
    public record TransferAmounts(int totalCount, List<TransferAmountInfo> amountInfos) {
    }

    /** TransferAmountInfoV2 of the SDK. */
    public record TransferAmountInfo(BigDecimal availTransferAmount, int measureId, String currency, BigDecimal amount,
            BigDecimal creditAmount) {
    }

    /** ListEnterpriseMultiAccountResponse of the SDK. */
    public record RetrieveAmounts(int totalCount, List<RetrieveAmountInfo> amountInfos) {
    }

    /** RetrieveAmountInfoV2 of the SDK. */
    public record RetrieveAmountInfo(BigDecimal availRetrieveAmount, int measureId, String currency, BigDecimal amount,
            BigDecimal creditAmount) {
    }

    @GET
    @Path("/transfer-amount")
    @Operation(operationId = "ShowMultiAccountTransferAmount", summary = "What the master may allocate")
    public Uni<TransferAmounts> allocatable(@QueryParam("balance_type") String balanceType,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        String type = FundTransferRequest.balanceType(RequestParameters.required("balance_type", balanceType));
        int from = optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0);
        // the SDK's request allows limit=0 here, 1 at least when reclaiming
        int size = optionalInt("limit", limit, 0, 100, 10);
        return billing.funds(master.customerId()).map(funds -> {
            List<Allowance> all = Allowance.of(funds, type);
            return new TransferAmounts(all.size(), Allowance.page(all, from, size).stream()
                    .map(a -> new TransferAmountInfo(a.available(), 1, "CNY", a.amount(), a.creditAmount()))
                    .toList());
        }).onFailure().transform(RemoteErrors::answer);
    }

    @POST
    @Path("/transfer-amount")
    @Operation(operationId = "UpdateSubEnterpriseAmount", summary = "Allocate funds to a sub-account, once per "
            + "trans_id")
    public Uni<Map<String, Object>> allocate(FundTransferRequest request) {
        return transfers.fromMaster(caller.get(), request, r -> r.toIntent(TransferKind.ALLOCATE));
    }

    @GET
    @Path("/retrieve-amount")
    @Operation(operationId = "ListEnterpriseMultiAccount", summary = "What the master may reclaim from a sub-account")
    public Uni<RetrieveAmounts> reclaimable(@QueryParam("sub_customer_id") String subCustomerId,
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
    @Path("/retrieve-amount")
    @Operation(operationId = "ReclaimSubEnterpriseAmount", summary = "Reclaim funds from a sub-account, once per "
            + "trans_id")
    public Uni<Map<String, Object>> reclaim(FundTransferRequest request) {
        return transfers.fromMaster(caller.get(), request, r -> r.toIntent(TransferKind.RECLAIM));
    }
}
