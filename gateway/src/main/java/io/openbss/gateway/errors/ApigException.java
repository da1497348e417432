package io.openbss.gateway.errors;

import java.time.Duration;

/**
 * A refusal by the gateway itself, answered as {@code {"error_code","error_msg","request_id"}} (shared/api/errors.md).
 */
public class ApigException extends RuntimeException {

    private final int status;
    private final String code;

    public ApigException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static final String IAM = "Incorrect IAM authentication information: ";

    public static ApigException noCredentials() {
        return new ApigException(401, "APIG.0301", IAM + "x-auth-token not found");
    }

    public static ApigException badSignature() {
        return new ApigException(401, "APIG.0301", IAM + "verify aksk signature fail");
    }

    public static ApigException unknownAccessKey() {
        return new ApigException(401, "APIG.0301", IAM + "ak not exist");
    }

    public static ApigException lockedAccessKey() {
        return new ApigException(401, "APIG.0301", IAM + "AK access failed to reach the limit,forbidden");
    }

    public static ApigException domainMismatch() {
        return new ApigException(401, "APIG.0301", IAM + "X-Domain-Id does not match the access key's account");
    }

    public static ApigException unknownToken() {
        return new ApigException(401, "APIG.0301", IAM + "decrypt token fail");
    }

    public static ApigException revokedToken() {
        return new ApigException(401, "APIG.0301", IAM + "x-auth-token has been revoked");
    }

    public static ApigException expiredToken() {
        return new ApigException(401, "APIG.0308", "x_auth_token is expired");
    }

    public static ApigException wrongPassword() {
        return new ApigException(401, "APIG.0301", IAM + "the user name or password is wrong");
    }

    public static ApigException lockedUser() {
        return new ApigException(401, "APIG.0301", IAM + "the user is locked after too many failed logins");
    }

    public static ApigException notAllowed() {
        return new ApigException(403, "APIG.0302", "The IAM user is not authorized to access the API");
    }

    public static ApigException badDate(String detail) {
        return new ApigException(401, "APIG.0303", "Incorrect app authentication information: " + detail);
    }

    /** A signed state-changing request sent again while its signature is still valid. */
    public static ApigException replayed() {
        return new ApigException(401, "APIG.0303",
                "Incorrect app authentication information: this request signature has been used before");
    }

    public static ApigException noSuchApi() {
        return new ApigException(404, "APIG.0101", "The API does not exist or has not been published in the environment");
    }

    public static ApigException tooLarge() {
        return new ApigException(413, "APIG.0201", "Request entity too large");
    }

    /** The gateway holds as many request bodies as it may: this call was not performed, and may be sent again. */
    public static ApigException bodiesInFlight() {
        return new ApigException(503, "APIG.0201", "Too many request bodies in flight: the call was not performed");
    }

    /** The body did not arrive whole in time: the call was not performed. */
    public static ApigException bodyTimeout(Duration timeout) {
        return new ApigException(408, "APIG.0201", "Request timeout: the body did not arrive within "
                + timeout.toSeconds() + " s; the call was not performed");
    }

    /** A per-API quota is used up (APIG's code for throttling, as for an expired token). */
    public static ApigException throttled(String message) {
        return new ApigException(429, "APIG.0308", message);
    }

    /** Redis, which holds the shared quotas, does not answer and the gateway is told to refuse meanwhile. */
    public static ApigException rateLimitsUnavailable() {
        return new ApigException(503, "APIG.0201", "Rate limiting unavailable");
    }

    /** The audit record of a state-changing call could not be written: the call is refused, not performed. */
    public static ApigException auditUnavailable() {
        return new ApigException(503, "APIG.0201", "Audit trail unavailable: the call was not performed");
    }

    public static ApigException backendUnavailable() {
        return new ApigException(502, "APIG.0201", "Backend unavailable");
    }

    /** No connection to the service could be made: it never saw the call, which may be sent again. */
    public static ApigException backendNotReached() {
        return new ApigException(503, "APIG.0201", "Backend unavailable: the call was not performed");
    }

    /** The gateway is shutting down and takes no new call: this one was not performed, and may be sent again. */
    public static ApigException shuttingDown() {
        return new ApigException(503, "APIG.0201", "The gateway is shutting down: the call was not performed");
    }

    public static ApigException backendTimeout() {
        return new ApigException(504, "APIG.0201", "Backend timeout");
    }
}
