package io.openbss.common.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Steps 7 and 8 of SDK-HMAC-SHA256: string to sign and HMAC, plus the {@code X-Sdk-Date} format. */
public final class SdkSignature {

    public static final String DATE_HEADER = "X-Sdk-Date";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SdkSignature() {
    }

    public static String compute(String canonicalRequest, String sdkDate, String secretKey) {
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + sdkDate + "\n"
                + CanonicalRequest.sha256Hex(canonicalRequest);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean matches(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }

    public static String formatDate(Instant instant) {
        return SDK_DATE.format(instant);
    }

    /** @throws SignatureException DATE_INVALID when the value is not {@code yyyyMMdd'T'HHmmss'Z'} */
    public static Instant parseDate(String value) {
        if (value == null) {
            throw new SignatureException(SignatureException.Reason.DATE_INVALID, "X-Sdk-Date is missing");
        }
        try {
            return Instant.from(SDK_DATE.parse(value));
        } catch (DateTimeParseException e) {
            throw new SignatureException(SignatureException.Reason.DATE_INVALID, "X-Sdk-Date is malformed");
        }
    }
}
