package io.openbss.common.signing;

import java.util.List;
import java.util.Locale;

/**
 * {@code Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>}.
 */
public record AuthorizationHeader(String accessKey, List<String> signedHeaders, String signature) {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";

    public AuthorizationHeader {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** True when the header announces this signing scheme (it may still be malformed). */
    public static boolean isSdkSignature(String value) {
        return value != null && value.regionMatches(true, 0, ALGORITHM + " ", 0, ALGORITHM.length() + 1);
    }

    /**
     * @throws SignatureException when the header is not a well-formed SDK-HMAC-SHA256 authorization
     */
    public static AuthorizationHeader parse(String value) {
        if (!isSdkSignature(value)) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "unsupported authorization scheme");
        }
        String access = null;
        String signed = null;
        String signature = null;
        for (String part : value.substring(ALGORITHM.length() + 1).split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new SignatureException(SignatureException.Reason.MALFORMED, "malformed authorization header");
            }
            String name = item.substring(0, eq);
            String val = item.substring(eq + 1);
            switch (name) {
                case "Access" -> access = val;
                case "SignedHeaders" -> signed = val;
                case "Signature" -> signature = val;
                default -> throw new SignatureException(SignatureException.Reason.MALFORMED,
                        "unknown authorization field " + name);
            }
        }
        if (access == null || access.isEmpty() || signed == null || signed.isEmpty()
                || signature == null || signature.isEmpty()) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    "authorization header needs Access, SignedHeaders and Signature");
        }
        List<String> headers = List.of(signed.toLowerCase(Locale.ROOT).split(";"));
        if (headers.stream().anyMatch(String::isEmpty)) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "empty name in SignedHeaders");
        }
        return new AuthorizationHeader(access, headers, signature.toLowerCase(Locale.ROOT));
    }

    public String format() {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signedHeaders)
                + ", Signature=" + signature;
    }
}
