package io.openbss.billing.ledger;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.bills.BillLineInput;
import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import java.time.Instant;
import java.util.List;

/**
 * Charge a customer for a trade (an order, a renewal, an hour of usage): the lines it bills, the coupons chosen to
 * pay with, whether stored-value cards may pay, and whether what nothing can pay may become arrears (pay-per-use
 * usage) or refuses the charge (orders). {@code payer_customer_id} pays for {@code customer_id} (an enterprise master
 * paying for its sub-account); by default the customer pays itself.
 * {@code business_time} is when what is charged happened if not now (the hour of usage a rating run charges later):
 * the change record and the bill lines show it, and their bill cycle follows from it.
 */
public record ChargeRequest(String idempotencyKey,
        String customerId,
        String payerCustomerId, String tradeId,
        List<String> couponIds,
        Boolean useStoredValueCards,
        Boolean allowDebt, List<BillLineInput> lines,
        String businessTime) {

    public ChargeRequest {
        couponIds = couponIds == null ? List.of() : List.copyOf(couponIds);
        lines = lines == null ? null : List.copyOf(lines);
    }

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        optionalText("payer_customer_id", payerCustomerId, 64);
        requiredText("trade_id", tradeId, 64);
        RequestParameters.optionalInstant("business_time", businessTime);
        if (couponIds.size() > 20 || couponIds.stream().distinct().count() != couponIds.size()) {
            throw BssException.badParameter("coupon_ids", "must hold at most 20 different coupons");
        }
        for (int i = 0; i < couponIds.size(); i++) {
            requiredText("coupon_ids[" + i + "]", couponIds.get(i), 64);
        }
        if (lines == null || lines.isEmpty() || lines.size() > 500) {
            throw BssException.badParameter("lines", "must hold 1 to 500 lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw BssException.badParameter("lines[" + i + "]", "must be an object");
            }
            lines.get(i).validate("lines[" + i + "].", false);
        }
    }

    public Instant businessInstant() {
        return RequestParameters.optionalInstant("business_time", businessTime);
    }

    public String payer() {
        return payerCustomerId == null || payerCustomerId.isEmpty() ? customerId : payerCustomerId;
    }

    public boolean cardsPay() {
        return useStoredValueCards == null || useStoredValueCards;
    }

    public boolean debtAllowed() {
        return allowDebt != null && allowDebt;
    }

    /** What must be equal for a repeated key to be the same charge. */
    public String contentHash() {
        StringBuilder content = new StringBuilder().append(customerId).append('|').append(payer()).append('|')
                .append(tradeId).append('|').append(couponIds).append('|').append(cardsPay()).append('|')
                .append(debtAllowed());
        for (BillLineInput line : lines) {
            content.append('|').append(line.serviceTypeCode()).append(':').append(line.resourceId()).append(':')
                    .append(line.amount().stripTrailingZeros().toPlainString());
        }
        return Movement.contentHash(content.toString());
    }
}
