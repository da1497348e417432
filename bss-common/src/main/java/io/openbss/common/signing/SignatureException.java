package io.openbss.common.signing;

/** A request whose signature cannot be accepted, with the reason the gateway turns into an APIG error. */
public class SignatureException extends RuntimeException {

    public enum Reason {
        /** The Authorization header is not a well-formed SDK-HMAC-SHA256 header. */
        MALFORMED,
        /** X-Sdk-Date is missing, unsigned or not {@code yyyyMMdd'T'HHmmss'Z'}. */
        DATE_INVALID,
        /** X-Sdk-Date is more than the allowed skew away from the verifier's clock. */
        DATE_SKEWED,
        /** The signature does not match the request. */
        MISMATCH
    }

    private final Reason reason;

    public SignatureException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
