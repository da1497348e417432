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
     * Reads the fields in place: a header is parsed on every signed call, and this reads it without copying each of
     * its parts first. The fields are separated by commas (trailing empty ones ignored) and each is stripped of
     * white space.
     *
     * @throws SignatureException when the header is not a well-formed SDK-HMAC-SHA256 authorization
     */
    public static AuthorizationHeader parse(String value) {
        if (!isSdkSignature(value)) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "unsupported authorization scheme");
        }
        String access = null;
        String signed = null;
        String signature = null;
        int end = value.length();
        while (end > ALGORITHM.length() + 1 && value.charAt(end - 1) == ',') {
            end--;
        }
        int from = ALGORITHM.length() + 1;
        while (from < end || from == end && end == value.length()) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 || comma > end ? end : comma;
            int first = from;
            int last = to;
            while (first < last && Character.isWhitespace(value.charAt(first))) {
                first++;
            }
            while (last > first && Character.isWhitespace(value.charAt(last - 1))) {
                last--;
            }
            int eq = value.indexOf('=', first);
            if (eq < 0 || eq >= last || eq == first) {
                throw new SignatureException(SignatureException.Reason.MALFORMED, "malformed authorization header");
            }
            String field = value.substring(eq + 1, last);
            if (isField(value, first, eq, "Access")) {
                access = field;
            } else if (isField(value, first, eq, "SignedHeaders")) {
                signed = field;
            } else if (isField(value, first, eq, "Signature")) {
                signature = field;
            } else {
                throw new SignatureException(SignatureException.Reason.MALFORMED,
                        "unknown authorization field " + value.substring(first, eq));
            }
            from = to + 1;
        }
        if (access == null || access.isEmpty() || signed == null || signed.isEmpty()
                || signature == null || signature.isEmpty()) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    "authorization header needs Access, SignedHeaders and Signature");
        }
        String[] names = signed.toLowerCase(Locale.ROOT).split(";");
        for (String name : names) {
            if (name.isEmpty()) {
                throw new SignatureException(SignatureException.Reason.MALFORMED, "empty name in SignedHeaders");
            }
        }
        return new AuthorizationHeader(access, List.of(names), signature.toLowerCase(Locale.ROOT));
    }

    private static boolean isField(String value, int from, int eq, String name) {
        return eq - from == name.length() && value.startsWith(name, from);
    }

    public String format() {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signedHeaders)
                + ", Signature=" + signature;
    }
}
