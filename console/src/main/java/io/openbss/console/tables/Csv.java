package io.openbss.console.tables;

/** One CSV field (RFC 4180), safe to open in a spreadsheet. */
public final class Csv {

    private Csv() {
    }

    /**
     * Quotes what needs quoting; text that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) gets a
     * leading apostrophe. Amounts are numbers and are written as they are.
     */
    public static String field(String value, boolean number) {
        String text = value;
        if (!number && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
