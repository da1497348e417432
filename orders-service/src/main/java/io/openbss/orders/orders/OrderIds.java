package io.openbss.orders.orders;

import io.openbss.common.time.BssTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Order ids as the platform makes them: CS, the business date and time, five random characters. Ids of the same
 * minute can meet at hundreds of orders a second, so the writers draw again when an id is taken.
 */
@ApplicationScoped
public class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmm");

    public String next(Instant now) {
        StringBuilder id = new StringBuilder("CS").append(STAMP.format(now.atZone(BssTime.BUSINESS_ZONE)));
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
