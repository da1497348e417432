package io.openbss.common.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Business dates are in UTC+8; timestamps on the wire are UTC {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. */
public final class BssTime {

    public static final ZoneId BUSINESS_ZONE = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private BssTime() {
    }

    public static String formatWire(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    public static Instant parseWire(String value) {
        return Instant.from(WIRE.parse(value));
    }
}
