package io.openbss.common.request;

import java.util.concurrent.ThreadLocalRandom;
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

    /** 128 random bits: unique, not secret (ids are echoed to clients and logged), so no SecureRandom needed. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex16(random.nextLong()) + hex16(random.nextLong());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
