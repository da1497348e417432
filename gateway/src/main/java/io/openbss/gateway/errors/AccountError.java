package io.openbss.gateway.errors;

import io.openbss.common.error.BssError;

/** The error codes only gateway answers with (the shared ones are bss-common's ErrorCode). */
public enum AccountError implements BssError {
    MOBILE_EXISTS("CBC.99000029", 400),
    MOBILE_OVER_LIMIT("CBC.99000030", 400),
    INVALID_DOMAIN_NAME("CBC.99000031", 400),
    BAD_PASSWORD_FORMAT("CBC.99000036", 400),
    CONTACT_REPORTED("CBC.99000051", 400);

    private final String code;
    private final int status;

    AccountError(String code, int status) {
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
