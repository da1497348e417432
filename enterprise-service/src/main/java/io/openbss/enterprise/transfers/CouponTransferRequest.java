package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.vertx.core.json.JsonObject;

/** TransferEnterpriseMultiAccountCouponReq of the SDK: give part of a coupon to a sub-account. */
public record CouponTransferRequest(String customerId,
        String couponId, String amount,
        String transId) {

    public TransferIntent toIntent() {
        String subId = requiredText("customer_id", customerId, 64);
        JsonObject request = new JsonObject().put("coupon_id", requiredText("coupon_id", couponId, 64))
                .put("amount", FundTransferRequest.amount("amount", amount).toPlainString());
        return new TransferIntent(FundTransferRequest.transId(transId), TransferKind.COUPON_ALLOCATE, subId, request);
    }
}
