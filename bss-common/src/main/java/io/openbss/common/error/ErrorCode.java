package io.openbss.common.error;

/** The CBC error codes of shared/api/errors.md and the seed documents, with the HTTP status each answers. */
public enum ErrorCode {
    BAD_PARAMETER("CBC.0100", 400),
    INVALID_PARAMETER("CBC.0101", 400),
    NO_SUCH_PATH("CBC.0100", 404),
    UNAUTHENTICATED("CBC.0151", 401),
    FOREIGN_OBJECT("CBC.0150", 403),
    ACCESS_DENIED("CBC.0151", 403),
    FLOW_CONTROL("CBC.0250", 429),
    INTERNAL("CBC.0999", 500),
    NOT_IMPLEMENTED("CBC.0999", 501),
    /** The service is shutting down: the request was not performed, and may be sent again. */
    SHUTTING_DOWN("CBC.0999", 503),
    RESOURCE_NOT_FOUND("CBC.99003016", 400),
    RESOURCE_PENDING_PAYMENT("CBC.99003100", 400),
    RESOURCE_ORDER_IN_PROGRESS("CBC.99003144", 400),
    PERIOD_EXCEEDS_MAXIMUM("CBC.99003154", 400),
    RENEW_NON_MAIN_RESOURCE("CBC.30010036", 400),
    RENEW_PERIOD_NOT_FOUND("CBC.30010069", 400),
    AUTO_PAY_FAILED("CBC.30050006", 400),
    AUTO_RENEW_NOT_SUPPORTED("CBC.99003602", 400),
    PERIOD_CHECK_FAILED("CBC.99000092", 400),
    INSUFFICIENT_BALANCE("CBC.99005003", 400),
    PRODUCT_NOT_FOUND("CBC.99006006", 400),
    PRICE_EXCEEDS_MAXIMUM("CBC.99006055", 400),
    MOBILE_EXISTS("CBC.99000029", 400),
    MOBILE_OVER_LIMIT("CBC.99000030", 400),
    INVALID_DOMAIN_NAME("CBC.99000031", 400),
    BAD_PASSWORD_FORMAT("CBC.99000036", 400),
    CONTACT_REPORTED("CBC.99000051", 400),
    TRANSFER_FAILED("CBC.99000043", 400),
    TRANSFER_IN_PROGRESS("CBC.99007461", 400),
    PARTNER_RESALE_CUSTOMER("CBC.99000084", 400),
    CONDITIONS_NOT_MET("CBC.7004", 400);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The code that another service answered with, or {@code INTERNAL} when this one does not know it. */
    public static ErrorCode of(String code, int status) {
        for (ErrorCode candidate : values()) {
            if (candidate.code.equals(code) && candidate.status == status) {
                return candidate;
            }
        }
        return INTERNAL;
    }
}
