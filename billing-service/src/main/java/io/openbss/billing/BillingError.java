package io.openbss.billing;

import io.openbss.common.error.BssError;

/** The error codes only billing-service answers with (the shared ones are bss-common's ErrorCode). */
public final class BillingError {

    public static final BssError PERIOD_CHECK_FAILED = new BssError("CBC.99000092", 400);
    public static final BssError INSUFFICIENT_BALANCE = new BssError("CBC.99005003", 400);
    public static final BssError PRODUCT_NOT_FOUND = new BssError("CBC.99006006", 400);
    public static final BssError PRICE_EXCEEDS_MAXIMUM = new BssError("CBC.99006055", 400);

    private BillingError() {
    }
}
