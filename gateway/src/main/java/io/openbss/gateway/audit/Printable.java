package io.openbss.gateway.audit;

/**
 * Text as the audit trail stores it: control characters and unpaired surrogates, which PostgreSQL refuses (NUL) or a
 * reader of the trail should not get raw, become U+FFFD. The input gate refuses such text on the public API; this
 * holds for every other way a value reaches a record.
 */
final class Printable {

    private Printable() {
    }

    static String of(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean bad = c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(value.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? value : out.toString();
    }
}
