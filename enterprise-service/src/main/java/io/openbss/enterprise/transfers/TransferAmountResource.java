package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInt;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.openbss.common.remote.RemoteErrors;
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

/** The master's funds that it may allocate, and allocating them to a sub-account. */
@Path("/v2/enterprises/multi-accounts/transfer-amount")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class TransferAmountResource {

    @Inject
    CurrentCaller caller;

    @Inject
    BillingClient billing;

    @Inject
    TransferService transfers;

    /** ShowMultiAccountTransferAmountResponse of the SDK. */
    public record TransferAmounts(int totalCount,
            List<TransferAmountInfo> amountInfos) {
    }

    /** TransferAmountInfoV2 of the SDK. */
    public record TransferAmountInfo(BigDecimal availTransferAmount,
            int measureId, String currency,
            BigDecimal amount, BigDecimal creditAmount) {
    }

    @GET
    @Operation(operationId = "ShowMultiAccountTransferAmount", summary = "What the master may allocate")
    public Uni<TransferAmounts> show(@QueryParam("balance_type") String balanceType,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        String type = FundTransferRequest.balanceType(RequestParameters.required("balance_type", balanceType));
        int from = optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0);
        int size = optionalInt("limit", limit, 0, 100, 10);
        return billing.funds(master.customerId()).map(funds -> {
            List<Allowance> all = Allowance.of(funds, type);
            return new TransferAmounts(all.size(), Allowance.page(all, from, size).stream()
                    .map(a -> new TransferAmountInfo(a.available(), 1, "CNY", a.amount(), a.creditAmount()))
                    .toList());
        }).onFailure().transform(RemoteErrors::answer);
    }

    @POST
    @Operation(operationId = "UpdateSubEnterpriseAmount", summary = "Allocate funds to a sub-account, once per "
            + "trans_id")
    public Uni<Map<String, Object>> allocate(FundTransferRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return transfers.transfer(master.customerId(), request.toIntent(TransferKind.ALLOCATE));
    }
}
