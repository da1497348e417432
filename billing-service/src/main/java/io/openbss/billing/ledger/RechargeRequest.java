package io.openbss.billing.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import java.math.BigDecimal;

/** An operator's recharge of a customer's cash account (offline payment, bank transfer, ...). */
public record RechargeRequest(@JsonProperty("idempotency_key") String idempotencyKey,
        @JsonProperty("customer_id") String customerId, @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("payment_channel") String paymentChannel,
        @JsonProperty("payment_channel_no") String paymentChannelNo, @JsonProperty("remark") String remark) {

    public void validate() {
        RequestParameters.requiredText("idempotency_key", idempotencyKey, 128);
        RequestParameters.requiredText("customer_id", customerId, 64);
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw BssException.badParameter("amount", "must be > 0 with at most 2 decimals");
        }
        RequestParameters.optionalText("payment_channel", paymentChannel, 32);
        RequestParameters.optionalText("payment_channel_no", paymentChannelNo, 64);
        RequestParameters.optionalText("remark", remark, 256);
    }
}
