package io.openbss.orders.orders;

import static io.openbss.common.request.RequestParameters.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CancelCustomerOrderReq of the SDK. */
public record CancelRequest(@JsonProperty("order_id") String orderId) {

    public String validate() {
        return requiredText("order_id", orderId, 64);
    }
}
