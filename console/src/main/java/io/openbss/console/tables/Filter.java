package io.openbss.console.tables;

import java.util.List;
import java.util.function.Function;
import java.time.ZoneId;

/**
 * One filter of a table page, named as the operation's parameter: free text, a month ({@code yyyy-MM}), a date, or
 * a choice among the operation's codes. {@code initial} gives the value a page opens with (the current month, say).
 */
public record Filter(String name, Kind kind, List<String> options, String codeSet, Function<ZoneId, String> initial) {

    public enum Kind {
        TEXT,
        MONTH,
        DATE,
        CHOICE
    }

    public static Filter text(String name) {
        return new Filter(name, Kind.TEXT, List.of(), null, zone -> "");
    }

    public static Filter month(String name, Function<ZoneId, String> initial) {
        return new Filter(name, Kind.MONTH, List.of(), null, initial);
    }

    public static Filter date(String name, Function<ZoneId, String> initial) {
        return new Filter(name, Kind.DATE, List.of(), null, initial);
    }

    /** A choice among codes, named by the texts {@code code_<codeSet>_<value>}. */
    public static Filter choice(String name, String codeSet, String... options) {
        return new Filter(name, Kind.CHOICE, List.of(options), codeSet, zone -> "");
    }

    public String label() {
        return "f_" + name;
    }
}
