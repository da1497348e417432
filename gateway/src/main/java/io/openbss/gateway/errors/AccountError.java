package io.openbss.gateway.errors;

import io.openbss.common.error.BssError;

/** The error codes only gateway answers with (the shared ones are bss-common's ErrorCode). */
public final class AccountError {

    public static final BssError MOBILE_EXISTS = new BssError("CBC.99000029", 400);
    public static final BssError MOBILE_OVER_LIMIT = new BssError("CBC.99000030", 400);
    public static final BssError INVALID_DOMAIN_NAME = new BssError("CBC.99000031", 400);
    public static final BssError BAD_PASSWORD_FORMAT = new BssError("CBC.99000036", 400);
    public static final BssError CONTACT_REPORTED = new BssError("CBC.99000051", 400);
    /** An X-Subject-Token that names no live token: Keystone's 404 on a token revocation. */
    public static final BssError NO_SUCH_TOKEN = new BssError("CBC.0100", 404);

    private AccountError() {
    }
}
