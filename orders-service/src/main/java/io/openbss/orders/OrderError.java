package io.openbss.orders;

import io.openbss.common.error.BssError;

/** The error codes only orders-service answers with (the shared ones are bss-common's ErrorCode). */
public final class OrderError {

    public static final BssError RESOURCE_NOT_FOUND = new BssError("CBC.99003016", 400);
    public static final BssError RESOURCE_PENDING_PAYMENT = new BssError("CBC.99003100", 400);
    public static final BssError RESOURCE_ORDER_IN_PROGRESS = new BssError("CBC.99003144", 400);
    public static final BssError PERIOD_EXCEEDS_MAXIMUM = new BssError("CBC.99003154", 400);
    public static final BssError RENEW_NON_MAIN_RESOURCE = new BssError("CBC.30010036", 400);
    public static final BssError AUTO_PAY_FAILED = new BssError("CBC.30050006", 400);
    public static final BssError AUTO_RENEW_NOT_SUPPORTED = new BssError("CBC.99003602", 400);

    private OrderError() {
    }
}
