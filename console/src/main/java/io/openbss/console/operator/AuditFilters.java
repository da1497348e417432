package io.openbss.console.operator;

import io.openbss.console.layout.BadParameter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit page's filters, as the admin audit API names them: identifiers as text, the outcome, and a time range
 * typed in the reader's zone and sent in UTC ({@code yyyy-MM-ddTHH:mm:ssZ}). Checked before anything is sent.
 */
final class AuditFilters {

    static final List<String> TEXT = List.of("domain_id", "user_id", "access_key", "operation", "request_id",
            "resource_id");
    static final List<String> RESULTS = List.of("success", "failure");
    static final List<String> TIMES = List.of("since", "until");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private AuditFilters() {
    }

    /** The filters as given (blank ones dropped), in the page's order. */
    static Map<String, String> given(Map<String, String> query) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : names()) {
            String value = query.getOrDefault(name, "").strip();
            if (!value.isEmpty()) {
                given.put(name, value);
            }
        }
        return given;
    }

    /** The admin API's query for the given filters; {@link BadParameter} names the first it would refuse. */
    static Map<String, String> apiQuery(Map<String, String> given, ZoneId zone) {
        Map<String, String> query = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (TEXT.contains(name)) {
                if (value.length() > 128 || value.codePoints().anyMatch(Character::isISOControl)) {
                    throw new BadParameter(name);
                }
                query.put(name, value);
            } else if (name.equals("result")) {
                if (!RESULTS.contains(value)) {
                    throw new BadParameter(name);
                }
                query.put(name, value);
            } else if (TIMES.contains(name)) {
                query.put(name, utc(name, value, zone));
            }
        });
        return query;
    }

    static List<String> names() {
        return List.of("domain_id", "user_id", "access_key", "operation", "request_id", "resource_id", "result",
                "since", "until");
    }

    /** A browser's datetime-local value ({@code yyyy-MM-ddTHH:mm[:ss]}) in the reader's zone, as UTC. */
    static String utc(String name, String value, ZoneId zone) {
        try {
            return UTC.format(LocalDateTime.parse(value).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new BadParameter(name);
        }
    }
}
