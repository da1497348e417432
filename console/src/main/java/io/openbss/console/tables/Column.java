package io.openbss.console.tables;

/**
 * One column of a table page: the answer's field (a dotted path for nested ones), how its value is written, and
 * for links the page it opens ({@code {value}} replaced by the value), for codes the set naming them.
 */
public record Column(String field, Kind kind, String target) {

    public enum Kind {
        TEXT,
        /** An amount, in the row's {@code currency} (CNY when the row names none). */
        MONEY,
        /** A UTC time, written in the reader's zone. */
        TIME,
        /** A code written with its name, from the texts {@code code_<set>_<value>} (the set is the target). */
        CODE,
        /** Text that opens another page. */
        LINK
    }

    public static Column text(String field) {
        return new Column(field, Kind.TEXT, null);
    }

    public static Column money(String field) {
        return new Column(field, Kind.MONEY, null);
    }

    public static Column time(String field) {
        return new Column(field, Kind.TIME, null);
    }

    public static Column code(String field, String codeSet) {
        return new Column(field, Kind.CODE, codeSet);
    }

    public static Column link(String field, String target) {
        return new Column(field, Kind.LINK, target);
    }

    /** The text key of the column's heading. */
    public String label() {
        return "col_" + field.replace('.', '_');
    }
}
