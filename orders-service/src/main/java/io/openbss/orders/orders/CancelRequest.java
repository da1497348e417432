package io.openbss.orders.orders;

import static io.openbss.common.request.RequestParameters.requiredText;


/** CancelCustomerOrderReq of the SDK. */
public record CancelRequest(String orderId) {

    public String validate() {
        return requiredText("order_id", orderId, 64);
    }
}
