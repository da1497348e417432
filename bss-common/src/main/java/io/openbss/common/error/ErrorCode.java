package io.openbss.common.error;

/**
 * The CBC error codes every service answers with (shared/api/errors.md). A code only one service answers lives in
 * that service's own constants.
 */
public final class ErrorCode {

    public static final BssError BAD_PARAMETER = new BssError("CBC.0100", 400);
    public static final BssError INVALID_PARAMETER = new BssError("CBC.0101", 400);
    public static final BssError NO_SUCH_PATH = new BssError("CBC.0100", 404);
    public static final BssError UNAUTHENTICATED = new BssError("CBC.0151", 401);
    public static final BssError FOREIGN_OBJECT = new BssError("CBC.0150", 403);
    public static final BssError ACCESS_DENIED = new BssError("CBC.0151", 403);
    public static final BssError INTERNAL = new BssError("CBC.0999", 500);
    public static final BssError NOT_IMPLEMENTED = new BssError("CBC.0999", 501);
    /** The service is shutting down: the request was not performed, and may be sent again. */
    public static final BssError SHUTTING_DOWN = new BssError("CBC.0999", 503);
    /** The upstream BSS of a linked account gave no answer (or its breaker is open): send the request again. */
    public static final BssError UPSTREAM_UNAVAILABLE = new BssError("CBC.0999", 503);

    private ErrorCode() {
    }
}
