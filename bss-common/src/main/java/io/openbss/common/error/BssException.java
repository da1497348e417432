package io.openbss.common.error;

/**
 * Every refusal a service gives on purpose: an {@link ErrorCode} (which fixes the HTTP status) and a message for
 * the client. It carries no stack trace: it is an answer, not a fault.
 */
public class BssException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String code;

    public BssException(ErrorCode errorCode, String message) {
        this(errorCode, errorCode.code(), message);
    }

    private BssException(ErrorCode errorCode, String code, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.code = code;
    }

    /** Another service's refusal (HTTP 400), passed on to this service's caller with its own code. */
    public static BssException relayed(String code, String message) {
        ErrorCode known = ErrorCode.of(code, 400);
        return new BssException(known == ErrorCode.INTERNAL ? ErrorCode.INVALID_PARAMETER : known, code, message);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The code on the wire: the error code's, or the one another service gave. */
    public String code() {
        return code;
    }

    /** 400 CBC.0100 naming the parameter: missing, wrong type or format, out of range, unknown value. */
    public static BssException badParameter(String parameter, String problem) {
        return new BssException(ErrorCode.BAD_PARAMETER, "Invalid parameter " + parameter + ": " + problem);
    }

    public static BssException accessDenied(String message) {
        return new BssException(ErrorCode.ACCESS_DENIED, message);
    }

    public static BssException foreignObject(String what) {
        return new BssException(ErrorCode.FOREIGN_OBJECT, "Illegal operation: " + what + " belongs to another customer");
    }
}
