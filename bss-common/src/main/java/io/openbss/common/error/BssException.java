package io.openbss.common.error;

/**
 * Every refusal a service gives on purpose: a {@link BssError} (its code and HTTP status) and a message for the
 * client. It carries no stack trace: it is an answer, not a fault.
 */
public class BssException extends RuntimeException {

    private final int status;
    private final String code;

    public BssException(BssError error, String message) {
        this(error.status(), error.code(), message);
    }

    private BssException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Another service's refusal (HTTP 400), passed on to this service's caller with its own code. */
    public static BssException relayed(String code, String message) {
        return new BssException(400, code, message);
    }

    public int status() {
        return status;
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
