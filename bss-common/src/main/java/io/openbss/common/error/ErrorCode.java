package io.openbss.common.error;

/**
 * The CBC error codes every service answers with (shared/api/errors.md). A code only one service answers lives in
 * that service's own {@link BssError} enum.
 */
public enum ErrorCode implements BssError {
    BAD_PARAMETER("CBC.0100", 400),
    INVALID_PARAMETER("CBC.0101", 400),
    NO_SUCH_PATH("CBC.0100", 404),
    UNAUTHENTICATED("CBC.0151", 401),
    FOREIGN_OBJECT("CBC.0150", 403),
    ACCESS_DENIED("CBC.0151", 403),
    INTERNAL("CBC.0999", 500),
    NOT_IMPLEMENTED("CBC.0999", 501),
    /** The service is shutting down: the request was not performed, and may be sent again. */
    SHUTTING_DOWN("CBC.0999", 503);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
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
