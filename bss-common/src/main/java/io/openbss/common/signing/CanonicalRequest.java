package io.openbss.common.signing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical request of SDK-HMAC-SHA256 (shared/api/signing.md, steps 2 to 6). Signer and verifier both build
 * it here, so that they cannot drift apart.
 */
public final class CanonicalRequest {

    public static final String CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private CanonicalRequest() {
    }

    /**
     * @param signedHeaders lowercase header names in the order the Authorization header lists them
     * @throws SignatureException when a signed header is absent from the request
     */
    public static String of(SignableRequest request, List<String> signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        canonical.append(uri(request.rawPath())).append('\n');
        canonical.append(query(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            String value = request.header(name);
            if (value == null) {
                throw new SignatureException(SignatureException.Reason.MISMATCH, "signed header " + name + " is missing");
            }
            canonical.append(name).append(':').append(value).append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash);
        return canonical.toString();
    }

    /** Every path segment decoded, re-encoded and followed by {@code /}; {@code /} stays {@code /}. */
    static String uri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        String[] segments = rawPath.split("/");
        StringBuilder uri = new StringBuilder(rawPath.length() + segments.length + 8);
        for (String segment : segments) {
            uri.append(Rfc3986.encode(Rfc3986.decode(segment))).append('/');
        }
        return uri.toString();
    }

    /** Keys and values decoded and re-encoded, sorted by encoded key; repeated keys keep their order. */
    static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {Rfc3986.encode(Rfc3986.decode(key)), Rfc3986.encode(Rfc3986.decode(value))});
        }
        pairs.sort(Comparator.comparing(pair -> pair[0]));
        StringBuilder query = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

}
