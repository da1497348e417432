package io.openbss.billing.ledger;

import io.openbss.billing.accounts.AccountType;
import io.openbss.billing.accounts.LedgerAccount;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal ledger API: an operator recharges a customer's cash account. */
@Path("/internal/v1/ledger/recharges")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class RechargeResource {

    static final String FUNDING_ACCOUNT = "SYSTEM-FUNDING";

    @Inject
    LedgerService ledger;

    @POST
    @WithSession
    @Operation(summary = "Recharge a customer's cash account; idempotent by idempotency_key")
    public Uni<PostedEntry> recharge(RechargeRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return cashAccount(request.customerId()).flatMap(cash -> ledger.post(new Movement(
                "recharge:" + request.idempotencyKey(), TradeType.RECHARGE, request.idempotencyKey(),
                request.customerId(),
                List.of(new Movement.Leg(cash.accountId, request.amount()),
                        new Movement.Leg(FUNDING_ACCOUNT, request.amount().negate())),
                request.paymentChannel(), request.paymentChannelNo(), request.remark())));
    }

    private Uni<LedgerAccount> cashAccount(String customerId) {
        return LedgerAccount.find(customerId, AccountType.CASH).onItem().ifNull().failWith(() -> new BssException(
                ErrorCode.INVALID_PARAMETER, "Customer " + customerId + " is not registered with billing"));
    }
}
