package io.openbss.e2e;

import io.openbss.common.signing.Rfc3986;
import io.openbss.e2e.ApiParameters.Location;
import io.openbss.e2e.ApiParameters.Parameter;
import io.openbss.e2e.ApiParameters.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values for one parameter, by where it goes and its type: control characters, invalid UTF-8, an
 * overlong string, SQL and JSON metacharacters, wrong types, huge and negative numbers, bad dates, path tricks; the
 * parameter left out or given twice. Fixed lists: the same parameters always get the same values.
 */
final class HostileValues {

    /** What a case does with the parameter. */
    enum Mode {
        /** Sends {@code bytes} in place of the parameter's value. */
        REPLACE,
        /** Leaves the parameter out. */
        ABSENT,
        /** Sends the parameter twice: its baseline value, then {@code bytes}. */
        TWICE
    }

    /**
     * One hostile value. In a URL, {@code bytes} is already percent-encoded; in a header, the header's value; in a
     * body, the JSON text that stands where the parameter's value stood (not always valid JSON, on purpose).
     */
    record Hostile(String label, Mode mode, byte[] bytes) {

        static Hostile of(String label, String text) {
            return new Hostile(label, Mode.REPLACE, text.getBytes(StandardCharsets.UTF_8));
        }

        static Hostile raw(String label, int... bytes) {
            byte[] raw = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                raw[i] = (byte) bytes[i];
            }
            return new Hostile(label, Mode.REPLACE, raw);
        }

        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static final int OVERLONG = 10_000;
    static final int DEEP = 10_000;

    static final List<String> BIG_NUMBERS = List.of("-1", "2147483648", "9223372036854775808", "1e400", "-1e400",
            "0.000000001", "99999999999999999999999.99");
    static final List<String> BAD_DATES = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "2026-13-45", "2026-02-30T25:61:61Z", "2026-13", "2026-00", "-999999999-01");
    static final List<String> METACHARACTERS = List.of("'", "\"", "\\", "%", "_", "*");
    static final List<String> PATH_TRICKS = List.of("..", ".", "%2E%2E", "%2F", "a%2Fb", "%5C", "..%2F..%2Fbalances");

    private HostileValues() {
    }

    static List<Hostile> of(Parameter parameter) {
        return switch (parameter.location()) {
            case PATH, QUERY -> inUrl(parameter);
            case HEADER -> inHeader();
            case BODY -> inJson(parameter.type());
        };
    }

    /** For a path segment or a query value: percent-encoded as a client would send it, or broken on purpose. */
    static List<Hostile> inUrl(Parameter parameter) {
        List<Hostile> values = new ArrayList<>();
        values.add(Hostile.of("NUL %00", "%00"));
        values.add(Hostile.of("SOH %01", "%01"));
        values.add(Hostile.of("ESC %1B", "%1B"));
        values.add(Hostile.of("DEL %7F", "%7F"));
        values.add(Hostile.of("CRLF %0D%0A", "a%0D%0Ab"));
        values.add(Hostile.of("invalid UTF-8 %C3%28", "%C3%28"));
        values.add(Hostile.of("invalid UTF-8 %FF", "%FF"));
        values.add(Hostile.of("overlong " + OVERLONG + " chars", "a".repeat(OVERLONG)));
        values.add(Hostile.of("empty", ""));
        switch (parameter.type()) {
            case INTEGER, NUMBER -> {
                BIG_NUMBERS.forEach(n -> values.add(Hostile.of("number " + n, Rfc3986.encode(n))));
                List.of("abc", "true", "[]", " 1").forEach(w -> values.add(Hostile.of("wrong type " + w,
                        Rfc3986.encode(w))));
            }
            case BOOLEAN -> List.of("yes", "2", "[]").forEach(w -> values.add(Hostile.of("wrong type " + w,
                    Rfc3986.encode(w))));
            case DATE -> {
                METACHARACTERS.forEach(m -> values.add(Hostile.of("metacharacter " + m, Rfc3986.encode(m))));
                BAD_DATES.forEach(d -> values.add(Hostile.of("bad date " + d, Rfc3986.encode(d))));
                values.add(Hostile.of("wrong type 12345", "12345"));
            }
            case MONEY -> {
                METACHARACTERS.forEach(m -> values.add(Hostile.of("metacharacter " + m, Rfc3986.encode(m))));
                BIG_NUMBERS.forEach(n -> values.add(Hostile.of("amount " + n, Rfc3986.encode(n))));
            }
            default -> METACHARACTERS.forEach(m -> values.add(Hostile.of("metacharacter " + m,
                    Rfc3986.encode(m))));
        }
        if (parameter.location() == Location.PATH) {
            PATH_TRICKS.forEach(t -> values.add(Hostile.of("path trick " + t, t)));
        } else {
            values.add(new Hostile("left out", Mode.ABSENT, new byte[0]));
            values.add(new Hostile("given twice", Mode.TWICE, "1".getBytes(StandardCharsets.US_ASCII)));
        }
        return values;
    }

    /** For a header (X-Language): what an HTTP client lets through (no control characters). */
    static List<Hostile> inHeader() {
        List<Hostile> values = new ArrayList<>();
        values.add(Hostile.of("empty", ""));
        values.add(Hostile.of("overlong " + OVERLONG + " chars", "a".repeat(OVERLONG)));
        METACHARACTERS.forEach(m -> values.add(Hostile.of("metacharacter " + m, m)));
        values.add(Hostile.of("literal %00", "%00"));
        values.add(Hostile.of("unknown language", "xx_YY"));
        values.add(Hostile.of("quality list", "zh-cn;q=abc, en;q=2"));
        values.add(new Hostile("left out", Mode.ABSENT, new byte[0]));
        return values;
    }

    /** For a JSON body field: what stands where its value stood. */
    static List<Hostile> inJson(Type type) {
        List<Hostile> values = new ArrayList<>();
        switch (type) {
            case STRING, DATE, MONEY -> {
                values.addAll(jsonStrings());
                wrongTypes(values, "12345", "{}", "[]", "true", "null");
                if (type == Type.DATE) {
                    BAD_DATES.forEach(d -> values.add(Hostile.of("bad date " + d, quoted(d))));
                }
                if (type == Type.MONEY) {
                    BIG_NUMBERS.forEach(n -> values.add(Hostile.of("amount " + n, quoted(n))));
                    values.add(Hostile.of("amount NaN", quoted("NaN")));
                }
            }
            case INTEGER, NUMBER -> {
                BIG_NUMBERS.forEach(n -> values.add(Hostile.of("number " + n, n)));
                values.add(Hostile.of("number with " + OVERLONG + " digits", "9".repeat(OVERLONG)));
                wrongTypes(values, "\"abc\"", "\"1\"", "{}", "[]", "true", "null");
                values.add(Hostile.of("string \\u0000", "\"\\u0000\""));
            }
            case BOOLEAN -> {
                wrongTypes(values, "\"true\"", "1", "0", "\"yes\"", "{}", "[]", "null");
                values.add(Hostile.of("string \\u0000", "\"\\u0000\""));
            }
            case OBJECT -> {
                wrongTypes(values, "\"x\"", "1", "true", "[]", "null", "[{}]");
                values.add(Hostile.of("empty object", "{}"));
                values.add(Hostile.of("string \\u0000", "\"\\u0000\""));
            }
            case LIST -> {
                wrongTypes(values, "\"x\"", "1", "true", "{}", "null");
                values.add(Hostile.of("empty list", "[]"));
                values.add(Hostile.of("list [null]", "[null]"));
                values.add(Hostile.of("list [[]]", "[[]]"));
                values.add(Hostile.of("list [{}]", "[{}]"));
                values.add(Hostile.of("list [\"\\u0000\"]", "[\"\\u0000\"]"));
                values.add(Hostile.of("list of " + OVERLONG + " elements",
                        "[" + String.join(",", java.util.Collections.nCopies(OVERLONG, "\"a\"")) + "]"));
            }
        }
        values.add(new Hostile("left out", Mode.ABSENT, new byte[0]));
        return values;
    }

    private static List<Hostile> jsonStrings() {
        List<Hostile> values = new ArrayList<>();
        values.add(Hostile.of("string \\u0000", "\"\\u0000\""));
        values.add(Hostile.of("string \\u0001", "\"\\u0001\""));
        values.add(Hostile.of("string \\u001b", "\"\\u001b\""));
        values.add(Hostile.of("string \\u007f", "\"\\u007f\""));
        values.add(Hostile.raw("raw NUL byte in a string", '"', 0x00, '"'));
        values.add(Hostile.raw("raw ESC byte in a string", '"', 0x1B, '"'));
        values.add(Hostile.raw("invalid UTF-8 C3 28 in a string", '"', 0xC3, 0x28, '"'));
        values.add(Hostile.raw("invalid UTF-8 FF in a string", '"', 0xFF, '"'));
        values.add(Hostile.of("lone surrogate \\ud800", "\"\\ud800\""));
        values.add(Hostile.of("overlong " + OVERLONG + " chars", quoted("a".repeat(OVERLONG))));
        METACHARACTERS.forEach(m -> values.add(Hostile.of("metacharacter " + m,
                quoted(m.equals("\"") || m.equals("\\") ? "\\" + m : m))));
        values.add(Hostile.of("empty", "\"\""));
        return values;
    }

    private static void wrongTypes(List<Hostile> values, String... json) {
        for (String value : json) {
            values.add(Hostile.of("wrong type " + value, value));
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** {@code n} nested empty arrays: {@code [[[...]]]}. */
    static String deepArrays(int n) {
        return "[".repeat(n) + "]".repeat(n);
    }

    /** {@code n} nested objects: {@code {"a":{"a":...{}}}}. */
    static String deepObjects(int n) {
        return "{\"a\":".repeat(n) + "{}" + "}".repeat(n);
    }
}
