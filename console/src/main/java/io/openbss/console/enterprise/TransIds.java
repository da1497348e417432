package io.openbss.console.enterprise;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code trans_id} each transfer form carries from the moment it is shown: the API moves money once per
 * trans_id, so submitting the same form twice repeats one transfer instead of making two. 32 hex digits, well within
 * the API's 64 characters.
 */
final class TransIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    private TransIds() {
    }

    static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether a value is one this console made (only those are echoed in a notice). */
    static boolean ours(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}
