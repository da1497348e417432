package io.openbss.enterprise;

import io.openbss.common.error.BssError;

/** The error codes only enterprise-service answers with (the shared ones are bss-common's ErrorCode). */
public final class EnterpriseError {

    public static final BssError FLOW_CONTROL = new BssError("CBC.0250", 429);
    public static final BssError TRANSFER_FAILED = new BssError("CBC.99000043", 400);
    public static final BssError TRANSFER_IN_PROGRESS = new BssError("CBC.99007461", 400);
    public static final BssError CONDITIONS_NOT_MET = new BssError("CBC.7004", 400);

    private EnterpriseError() {
    }
}
