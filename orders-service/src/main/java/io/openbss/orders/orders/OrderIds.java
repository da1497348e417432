package io.openbss.orders.orders;

import io.openbss.common.time.BssTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Order ids as the platform makes them: CS, the business date and time, five random characters. */
public final class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm");

    private OrderIds() {
    }

    public static String next(Instant now) {
        StringBuilder id = new StringBuilder("CS").append(STAMP.format(now.atZone(BssTime.BUSINESS_ZONE)));
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
