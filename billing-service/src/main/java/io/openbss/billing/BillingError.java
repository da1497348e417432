package io.openbss.billing;

import io.openbss.common.error.BssError;

/** The error codes only billing-service answers with (the shared ones are bss-common's ErrorCode). */
public enum BillingError implements BssError {
    PERIOD_CHECK_FAILED("CBC.99000092", 400),
    INSUFFICIENT_BALANCE("CBC.99005003", 400),
    PRODUCT_NOT_FOUND("CBC.99006006", 400),
    PRICE_EXCEEDS_MAXIMUM("CBC.99006055", 400);

    private final String code;
    private final int status;

    BillingError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
