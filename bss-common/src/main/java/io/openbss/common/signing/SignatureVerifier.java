package io.openbss.common.signing;

import io.openbss.common.hash.Sha256;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies an SDK-HMAC-SHA256 signature against the secret key of its access key, as Huawei's API gateway does:
 * {@code host} and {@code x-sdk-date} must be signed, the date must be within the allowed skew, a declared
 * {@code X-Sdk-Content-Sha256} must match the body unless it is {@code UNSIGNED-PAYLOAD}, and signatures are
 * compared in constant time.
 */
public final class SignatureVerifier {

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

    private final Duration maxSkew;

    public SignatureVerifier(Duration maxSkew) {
        this.maxSkew = maxSkew;
    }

    /** @throws SignatureException with the reason the request is refused */
    public void verify(SignableRequest request, AuthorizationHeader authorization, String secretKey, Instant now) {
        if (!authorization.signedHeaders().contains("x-sdk-date")) {
            throw new SignatureException(SignatureException.Reason.DATE_INVALID, "X-Sdk-Date must be signed");
        }
        if (!authorization.signedHeaders().contains("host")) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "Host must be signed");
        }
        String date = request.header(SdkSignature.DATE_HEADER);
        Instant signedAt = SdkSignature.parseDate(date);
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw new SignatureException(SignatureException.Reason.DATE_SKEWED, "X-Sdk-Date is out of the allowed skew");
        }
        String canonical = CanonicalRequest.of(request, authorization.signedHeaders(), payloadHash(request));
        String expected = SdkSignature.compute(canonical, date, secretKey);
        if (!SdkSignature.matches(expected, authorization.signature())) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "signature mismatch");
        }
    }

    private static String payloadHash(SignableRequest request) {
        String declared = request.header(CanonicalRequest.CONTENT_SHA256_HEADER);
        if (CanonicalRequest.UNSIGNED_PAYLOAD.equals(declared)) {
            return declared;
        }
        String actual = Sha256.hex(request.body());
        if (declared == null) {
            return actual;
        }
        if (!declared.equalsIgnoreCase(actual)) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "body does not match X-Sdk-Content-Sha256");
        }
        return declared;
    }
}
