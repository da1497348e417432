package io.openbss.common.request;

import io.openbss.common.error.BssException;
import io.openbss.common.time.BssTime;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Parses query parameters as strings, so that a wrong type is a 400 naming the parameter rather than the 404 that
 * JAX-RS gives for an unconvertible query parameter. An absent or empty value counts as not given.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * RESTEasy gives null for {@code name=}; where the API tells an empty value from an absent one, this restores
     * the empty string for a parameter that was sent.
     */
    public static String sentOrNull(UriInfo uri, String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    public static boolean isGiven(String value) {
        return value != null && !value.isEmpty();
    }

    public static String required(String name, String value) {
        if (!isGiven(value)) {
            throw BssException.badParameter(name, "is required");
        }
        return value;
    }

    public static String requiredText(String name, String value, int maxLength) {
        return optionalText(name, required(name, value), maxLength);
    }

    public static String optionalText(String name, String value, int maxLength) {
        if (!isGiven(value)) {
            return null;
        }
        if (value.length() > maxLength) {
            throw BssException.badParameter(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static Integer optionalInt(String name, String value, int min, int max, Integer defaultValue) {
        if (!isGiven(value)) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw BssException.badParameter(name, "must be an integer");
        }
        return checkRange(name, parsed, min, max, defaultValue);
    }

    public static Integer checkRange(String name, Integer value, int min, int max, Integer defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw BssException.badParameter(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** {@code true} or {@code false}, in any case. */
    public static Boolean optionalBoolean(String name, String value) {
        if (!isGiven(value)) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw BssException.badParameter(name, "must be true or false");
    }

    /** One of the allowed integer codes, e.g. an order status. */
    public static Integer optionalCode(String name, String value, Set<Integer> allowed) {
        Integer parsed = optionalInt(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE, null);
        if (parsed != null && !allowed.contains(parsed)) {
            throw BssException.badParameter(name, "must be one of " + sorted(allowed));
        }
        return parsed;
    }

    /** One of the allowed words, compared case-insensitively; returns the allowed spelling. */
    public static String optionalWord(String name, String value, Set<String> allowed) {
        if (!isGiven(value)) {
            return null;
        }
        for (String word : allowed) {
            if (word.equalsIgnoreCase(value)) {
                return word;
            }
        }
        throw BssException.badParameter(name, "must be one of " + sorted(allowed));
    }

    /** A UTC timestamp {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in the years {@link BssTime} accepts. */
    public static Instant optionalInstant(String name, String value) {
        if (!isGiven(value)) {
            return null;
        }
        try {
            return BssTime.parseWire(value);
        } catch (DateTimeParseException e) {
            throw BssException.badParameter(name, "must be a UTC time yyyy-MM-dd'T'HH:mm:ss'Z' " + BssTime.YEARS);
        }
    }

    /** A business date {@code yyyy-MM-dd} (UTC+8). */
    public static LocalDate optionalDate(String name, String value) {
        if (!isGiven(value)) {
            return null;
        }
        try {
            return BssTime.parseDate(value);
        } catch (DateTimeParseException e) {
            throw BssException.badParameter(name, "must be a date yyyy-MM-dd " + BssTime.YEARS);
        }
    }

    /** A billing cycle {@code yyyy-MM} (UTC+8). */
    public static YearMonth cycle(String name, String value) {
        required(name, value);
        try {
            return BssTime.parseCycle(value);
        } catch (DateTimeParseException e) {
            throw BssException.badParameter(name, "must be a month yyyy-MM " + BssTime.YEARS);
        }
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList().toString();
    }
}
