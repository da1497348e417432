package io.openbss.enterprise;

import io.openbss.common.error.BssError;

/** The error codes only enterprise-service answers with (the shared ones are bss-common's ErrorCode). */
public enum EnterpriseError implements BssError {
    FLOW_CONTROL("CBC.0250", 429),
    TRANSFER_FAILED("CBC.99000043", 400),
    TRANSFER_IN_PROGRESS("CBC.99007461", 400),
    CONDITIONS_NOT_MET("CBC.7004", 400);

    private final String code;
    private final int status;

    EnterpriseError(String code, int status) {
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
