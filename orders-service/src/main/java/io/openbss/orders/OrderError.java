package io.openbss.orders;

import io.openbss.common.error.BssError;

/** The error codes only orders-service answers with (the shared ones are bss-common's ErrorCode). */
public enum OrderError implements BssError {
    RESOURCE_NOT_FOUND("CBC.99003016", 400),
    RESOURCE_PENDING_PAYMENT("CBC.99003100", 400),
    RESOURCE_ORDER_IN_PROGRESS("CBC.99003144", 400),
    PERIOD_EXCEEDS_MAXIMUM("CBC.99003154", 400),
    RENEW_NON_MAIN_RESOURCE("CBC.30010036", 400),
    AUTO_PAY_FAILED("CBC.30050006", 400),
    AUTO_RENEW_NOT_SUPPORTED("CBC.99003602", 400);

    private final String code;
    private final int status;

    OrderError(String code, int status) {
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
