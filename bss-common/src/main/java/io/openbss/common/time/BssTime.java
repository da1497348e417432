package io.openbss.common.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Business dates are in UTC+8; timestamps on the wire are UTC {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. */
public final class BssTime {

    public static final ZoneId BUSINESS_ZONE = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter CYCLE = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private BssTime() {
    }

    /** An instant as a bindable {@code timestamptz} (null stays null). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static String formatWire(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    public static Instant parseWire(String value) {
        return Instant.from(WIRE.parse(value));
    }

    public static LocalDate parseDate(String value) {
        return LocalDate.parse(value, DATE);
    }

    public static YearMonth parseCycle(String value) {
        return YearMonth.parse(value, CYCLE);
    }

    /** The business date (UTC+8) of an instant. */
    public static LocalDate businessDate(Instant instant) {
        return instant.atZone(BUSINESS_ZONE).toLocalDate();
    }

    /** The instant a business date (UTC+8) starts. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(BUSINESS_ZONE).toInstant();
    }
}
