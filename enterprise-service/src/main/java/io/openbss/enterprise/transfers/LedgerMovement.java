package io.openbss.enterprise.transfers;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Asks billing-service's ledger to make a recorded transfer, with the transfer's own idempotency key, and turns the
 * ledger's answer into the body the BSS API answers with. Called by the request and by the reconciler alike.
 */
@ApplicationScoped
public class LedgerMovement {

    @Inject
    BillingClient billing;

    public Uni<JsonObject> make(Transfer transfer) {
        JsonObject request = transfer.request();
        String key = transfer.ledgerKey();
        return switch (transfer.kind()) {
            case ALLOCATE -> billing.transfer(new BillingModels.Transfer(key, transfer.masterId(), transfer.subId(),
                    amount(request), request.getString("balance_type"), "ALLOCATE", transfer.transId())).map(posted -> new JsonObject());
            case RECLAIM -> billing.transfer(new BillingModels.Transfer(key, transfer.subId(), transfer.masterId(),
                    amount(request), request.getString("balance_type"), "RECLAIM", transfer.transId())).map(posted -> new JsonObject());
            case COUPON_ALLOCATE -> billing.transferCoupon(request.getString("coupon_id"),
                            new BillingModels.CouponTransfer(key, transfer.masterId(), transfer.subId(), amount(request)))
                    .map(issued -> new JsonObject().put("sub_coupon_id", issued.id()));
            case COUPON_RECLAIM -> billing.reclaimCoupon(request.getString("sub_coupon_id"),
                            new BillingModels.CouponReclaim(key, transfer.subId(), request.getString("coupon_id"),
                                    transfer.masterId()))
                    // real_retrieve_amout (sic) is the SDK's name for the amount taken back
                    .map(reclaimed -> new JsonObject().put("real_retrieve_amout",
                            reclaimed.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
        };
    }

    private static BigDecimal amount(JsonObject request) {
        return new BigDecimal(request.getString("amount"));
    }
}
