package io.openbss.common.signing;

/**
 * The parts of an HTTP request that an SDK-HMAC-SHA256 signature covers, as they travel on the wire.
 *
 * @see CanonicalRequest
 */
public interface SignableRequest {

    String method();

    /** The path exactly as sent, still percent-encoded where the client encoded it. */
    String rawPath();

    /** The query string exactly as sent, without the {@code ?}; null or empty when there is none. */
    String rawQuery();

    /** The first value of a header (case-insensitive name), or null. */
    String header(String name);

    /** The raw body bytes; an empty array when there is none. */
    byte[] body();
}
