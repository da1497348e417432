package io.openbss.enterprise.transfers;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.client.BillingModels;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/** TransferEnterpriseMultiAccountReq and RetrieveEnterpriseMultiAccountReq of the SDK: the same fields. */
public record FundTransferRequest(String customerId,
        String amount, String transId,
        String balanceType, String expireTime) {

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?");

    public TransferIntent toIntent(TransferKind kind) {
        String subId = requiredText("customer_id", customerId, 64);
        JsonObject request = new JsonObject()
                .put("amount", amount("amount", amount).toPlainString())
                .put("balance_type", balanceType(balanceType));
        if (optionalInstant("expire_time", expireTime) != null && request.getString("balance_type")
                .equals(BillingModels.CREDIT)) {
            // Credit here never expires: no credit ledger has this expiry (the API leaves it out for such credit).
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Invalid parameter expire_time: no credit of this "
                    + "account expires at " + expireTime + "; its credit has no expiry, leave expire_time out");
        }
        return new TransferIntent(transId(transId), kind, subId, request);
    }

    /** An amount in yuan: a string, greater than 0, with at most 2 decimals; always 2 decimals once parsed. */
    static BigDecimal amount(String name, String value) {
        requiredText(name, value, 32);
        if (!AMOUNT.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
            throw BssException.badParameter(name, "must be an amount greater than 0 with at most 2 decimals");
        }
        return new BigDecimal(value).setScale(2);
    }

    /** The caller's trans_id, or a new one when none is sent (then the request is not idempotent). */
    static String transId(String value) {
        if (value == null || value.isEmpty()) {
            return UUID.randomUUID().toString().replace("-", "");
        }
        return requiredText("trans_id", value, 64);
    }

    static String balanceType(String value) {
        if (value == null) {
            return BillingModels.CASH;
        }
        if (!value.equals(BillingModels.CASH) && !value.equals(BillingModels.CREDIT)) {
            throw BssException.badParameter("balance_type", "must be BALANCE_TYPE_DEBIT or BALANCE_TYPE_CREDIT");
        }
        return value;
    }
}
