package io.openbss.common.signing;

import io.openbss.common.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Steps 7 and 8 of SDK-HMAC-SHA256: string to sign and HMAC, plus the {@code X-Sdk-Date} format. */
public final class SdkSignature {

    public static final String DATE_HEADER = "X-Sdk-Date";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Mac.getInstance looks through the security providers each time; one initialised-per-use Mac per thread. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private SdkSignature() {
    }

    public static String compute(String canonicalRequest, String sdkDate, String secretKey) {
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + sdkDate + "\n"
                + Sha256.hex(canonicalRequest);
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC key of any length is valid", e);
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
        // By hand rather than through the formatter: this runs for every request the gateway receives.
        if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            throw new SignatureException(SignatureException.Reason.DATE_INVALID, "X-Sdk-Date is malformed");
        }
        try {
            return LocalDateTime.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8),
                    digits(value, 9, 11), digits(value, 11, 13), digits(value, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw new SignatureException(SignatureException.Reason.DATE_INVALID, "X-Sdk-Date is malformed");
        }
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(value);
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
