package io.openbss.billing.ledger;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.bills.BillLineInput;
import io.openbss.common.error.BssException;
import java.util.List;

/**
 * Give back part of what an earlier charge ({@code refunds_trade_id}) took, e.g. the unused time of an unsubscribed
 * resource. The lines are refund bill lines (negative amounts); the refund is their total, rounded to the cent.
 */
public record RefundRequest(String idempotencyKey,
        String customerId,
        String payerCustomerId, String tradeId,
        String refundsTradeId,
        List<BillLineInput> lines) {

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        optionalText("payer_customer_id", payerCustomerId, 64);
        requiredText("trade_id", tradeId, 64);
        requiredText("refunds_trade_id", refundsTradeId, 64);
        if (lines == null || lines.isEmpty() || lines.size() > 500) {
            throw BssException.badParameter("lines", "must hold 1 to 500 lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw BssException.badParameter("lines[" + i + "]", "must be an object");
            }
            lines.get(i).validate("lines[" + i + "].", true);
        }
    }

    public String payer() {
        return payerCustomerId == null || payerCustomerId.isEmpty() ? customerId : payerCustomerId;
    }

    public String contentHash() {
        StringBuilder content = new StringBuilder().append(customerId).append('|').append(payer()).append('|')
                .append(tradeId).append('|').append(refundsTradeId);
        for (BillLineInput line : lines) {
            content.append('|').append(line.resourceId()).append(':')
                    .append(line.amount().stripTrailingZeros().toPlainString());
        }
        return Movement.contentHash(content.toString());
    }
}
