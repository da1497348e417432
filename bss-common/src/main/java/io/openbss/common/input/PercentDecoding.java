package io.openbss.common.input;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/**
 * Percent-decoding that tells bytes which are not UTF-8 apart, where the framework's lenient decoding turns them
 * into U+FFFD. A '%' not followed by two hex digits stays as it is, as the framework leaves it.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The text {@code raw} encodes, or empty when its bytes are not UTF-8. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return Optional.of(UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
