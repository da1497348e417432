package io.openbss.billing.ledger;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;

/**
 * Move cash, or available credit, from one customer to another (an enterprise master allocating to or reclaiming
 * from a sub-account). Moving credit moves the credit granted with it. {@code expire_time} is recorded with a credit
 * allocation.
 */
public record TransferRequest(String idempotencyKey,
        String fromCustomerId,
        String toCustomerId, BigDecimal amount,
        String balanceType, String reason,
        String expireTime, String tradeId) {

    public static final String CASH = "BALANCE_TYPE_DEBIT";
    public static final String CREDIT = "BALANCE_TYPE_CREDIT";

    public void validate() {
        // the key is the transfer's trade id unless the caller names one
        requiredText("idempotency_key", idempotencyKey, 64);
        requiredText("from_customer_id", fromCustomerId, 64);
        requiredText("to_customer_id", toCustomerId, 64);
        if (fromCustomerId.equals(toCustomerId)) {
            throw BssException.badParameter("to_customer_id", "must differ from from_customer_id");
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw BssException.badParameter("amount", "must be > 0 with at most 2 decimals");
        }
        if (!CASH.equals(balanceType) && !CREDIT.equals(balanceType)) {
            throw BssException.badParameter("balance_type", "must be BALANCE_TYPE_DEBIT or BALANCE_TYPE_CREDIT");
        }
        if (reason != null && !reason.equals("ALLOCATE") && !reason.equals("RECLAIM")) {
            throw BssException.badParameter("reason", "must be ALLOCATE or RECLAIM");
        }
        optionalInstant("expire_time", expireTime);
        optionalText("trade_id", tradeId, 64);
    }

    /** The trade id both customers' change records show: the caller's (the master's trans_id), else the key. */
    public String recordedTradeId() {
        return tradeId == null || tradeId.isEmpty() ? idempotencyKey : tradeId;
    }

    /** ALLOCATE and RECLAIM are the enterprise's BEADJUST and BERETRIEVE; a transfer without a reason is TRANS. */
    public TradeType tradeType() {
        if (reason == null) {
            return TradeType.TRANS;
        }
        return "RECLAIM".equals(reason) ? TradeType.BERETRIEVE : TradeType.BEADJUST;
    }

    public String accountType() {
        return CREDIT.equals(balanceType) ? "CREDIT" : "CASH";
    }

    public String detailType() {
        return "RECLAIM".equals(reason) ? "TRANSFER_RECLAIM" : "TRANSFER_ALLOCATE";
    }
}
