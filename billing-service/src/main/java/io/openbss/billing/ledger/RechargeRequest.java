package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import java.math.BigDecimal;
import java.util.Set;

/**
 * An operator's recharge of a customer's cash account. {@code payment_channel_id} as the account change records
 * report it: 0 none, 1 Alipay, 2 bank transfer (default), 4 Alipay/online banking, 5 WeChat Pay, 6 withdrawal,
 * 7 rebate, 10 trade mode change, 11 adjustment, 317 UnionPay, 319 Huawei Pay, 320 Huawei payment.
 */
public record RechargeRequest(String idempotencyKey,
        String customerId, BigDecimal amount,
        Integer paymentChannelId,
        String paymentChannelNo, String remark) {

    public static final Set<Integer> PAYMENT_CHANNELS = Set.of(0, 1, 2, 4, 5, 6, 7, 10, 11, 317, 319, 320);

    public void validate() {
        RequestParameters.requiredText("idempotency_key", idempotencyKey, 128);
        RequestParameters.requiredText("customer_id", customerId, 64);
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw BssException.badParameter("amount", "must be > 0 with at most 2 decimals");
        }
        if (paymentChannelId != null && !PAYMENT_CHANNELS.contains(paymentChannelId)) {
            throw BssException.badParameter("payment_channel_id", "must be one of " + PAYMENT_CHANNELS.stream()
                    .sorted().toList());
        }
        RequestParameters.optionalText("payment_channel_no", paymentChannelNo, 64);
        RequestParameters.optionalText("remark", remark, 256);
    }

    public int channel() {
        return paymentChannelId == null ? 2 : paymentChannelId;
    }
}
