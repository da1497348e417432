package io.openbss.common.request;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids as Huawei Cloud returns them: taken from the client when well-formed, else 32 hex characters. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String orNew(String fromClient) {
        return fromClient != null && ACCEPTED.matcher(fromClient).matches() ? fromClient : generate();
    }

    public static String generate() {
        UUID uuid = UUID.randomUUID();
        return hex16(uuid.getMostSignificantBits()) + hex16(uuid.getLeastSignificantBits());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
