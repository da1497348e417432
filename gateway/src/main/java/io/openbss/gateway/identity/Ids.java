package io.openbss.gateway.identity;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifiers and secrets in the shapes Huawei Cloud uses. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] AK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] SK_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    /** Domain and user ids: 32 lowercase hex characters. */
    public static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An access key: 20 uppercase letters and digits. */
    public static String accessKey() {
        return random(AK_ALPHABET, 20);
    }

    /** A secret key: 40 letters and digits (238 bits). */
    public static String secretKey() {
        return random(SK_ALPHABET, 40);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
