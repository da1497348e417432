package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.vertx.core.json.JsonObject;

/** RetrieveEnterpriseMultiAccountCouponReq of the SDK: take back what is left of a coupon given to a sub-account. */
public record CouponReclaimRequest(String customerId,
        String couponId, String subCouponId,
        String transId) {

    public TransferIntent toIntent() {
        String subId = requiredText("customer_id", customerId, 64);
        JsonObject request = new JsonObject().put("coupon_id", requiredText("coupon_id", couponId, 64))
                .put("sub_coupon_id", requiredText("sub_coupon_id", subCouponId, 64));
        return new TransferIntent(FundTransferRequest.transId(transId), TransferKind.COUPON_RECLAIM, subId, request);
    }
}
