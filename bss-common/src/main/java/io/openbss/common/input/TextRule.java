package io.openbss.common.input;

/**
 * The text a service accepts in any parameter: no control characters but tab, CR and LF, no DEL, and no unpaired
 * surrogate. PostgreSQL refuses NUL in text, and the others have no place in an id, a name or a code.
 */
public final class TextRule {

    private static final int MAX_QUOTED = 64;

    private TextRule() {
    }

    /** What is wrong with the text, or null when it is acceptable. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (pairAt(text, i)) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogates";
            } else if (isControl(c)) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /** The text as an error message may quote it: what the rule refuses escaped as backslash-u, cut to 64 chars. */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < text.length() && quoted.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            if (pairAt(text, i)) {
                quoted.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || isControl(c)) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F;
    }

    private static boolean pairAt(CharSequence text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
