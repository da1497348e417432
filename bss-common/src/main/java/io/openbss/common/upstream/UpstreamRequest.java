package io.openbss.common.upstream;

/**
 * One public request of a linked account, as it goes to the egress: the raw path and query as the client sent them,
 * the body unchanged, and the local domain whose link the gateway signs it with.
 */
public record UpstreamRequest(String method, String rawPath, String rawQuery, String contentType, byte[] body,
        String linkedDomain, String requestId, String language) {

    public UpstreamRequest {
        body = body == null ? new byte[0] : body;
    }

    /** The same request under another request id: what a resend carries. */
    public UpstreamRequest withRequestId(String id) {
        return new UpstreamRequest(method, rawPath, rawQuery, contentType, body, linkedDomain, id, language);
    }

    /** The path under the egress, with the raw query: {@code v2/orders/x?a=1&a=2}. */
    String target() {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }
}
