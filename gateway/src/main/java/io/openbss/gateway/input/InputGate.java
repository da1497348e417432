package io.openbss.gateway.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.openbss.common.error.BssException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the gateway refuses before a request reaches authentication or a service: text with control characters or
 * malformed UTF-8 in any path parameter, query parameter, forwarded header or JSON value or key; duplicate JSON keys;
 * JSON nested deeper than any BSS request; a body that is not one JSON value. Each refusal is 400 CBC.0100 naming
 * the parameter, so that nothing downstream (a service, the audit trail, PostgreSQL) ever sees such input.
 */
public final class InputGate {

    /** The deepest nesting a BSS request body has is 4; this leaves room and still bounds the parser's stack. */
    static final int MAX_JSON_DEPTH = 32;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build();

    private InputGate() {
    }

    /**
     * Whether a raw request path is canonical: no {@code .} or {@code ..} segment and no encoded dot, slash or
     * backslash, which a service would resolve into another path than the one the gateway routed (and counted, and
     * authorized) by.
     */
    public static boolean isCanonicalPath(String rawPath) {
        if (rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        return !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c");
    }

    /** Path parameters, named by the operation's template; values still percent-encoded. */
    public static void checkPathParameters(List<String> names, List<String> rawValues) {
        for (int i = 0; i < names.size() && i < rawValues.size(); i++) {
            checkText(names.get(i), decode(names.get(i), rawValues.get(i)), false);
        }
    }

    /** Every name and value of a raw query string. */
    public static void checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode("query", equals < 0 ? pair : pair.substring(0, equals));
            checkText("query", name, false);
            if (equals >= 0) {
                checkText(name, decode(name, pair.substring(equals + 1)), true);
            }
        }
    }

    /** A header the gateway passes on to a service. */
    public static void checkHeader(String name, String value) {
        if (value != null) {
            checkText(name, value, false);
        }
    }

    /** A request body: empty, or exactly one JSON value whose keys and strings are all clean and unique. */
    public static void checkJson(Buffer body) {
        if (body.length() == 0) {
            return;
        }
        JsonParser parser = null;
        try {
            parser = JSON.createParser(body.getBytes());
            int depth = 0;
            int values = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (depth == 0 && values++ > 0) {
                    throw BssException.badParameter("body", "must be one JSON value");
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> checkText(pathOf(parser, true), parser.currentName(), false);
                    case VALUE_STRING -> checkText(pathOf(parser, false), parser.getText(), true);
                    default -> {
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw BssException.badParameter("body", "is nested deeper than " + MAX_JSON_DEPTH
                    + " levels or holds an oversize value");
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String key = message.substring("Duplicate field '".length(), message.indexOf('\'',
                        "Duplicate field '".length()));
                throw BssException.badParameter(clean(key), "is given more than once");
            }
            throw BssException.badParameter(parser == null ? "body" : pathOf(parser, false),
                    "is not valid JSON (or not UTF-8)");
        } catch (IOException e) {
            throw BssException.badParameter("body", "is not valid JSON");
        }
    }

    /**
     * Free text may hold tab, CR and LF; no other character below U+0020, no U+007F, no unpaired surrogate.
     * Identifiers (names, path values, headers) may hold none of them.
     */
    static void checkText(String parameter, String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (!freeText || (c != '\t' && c != '\r' && c != '\n')) {
                    throw BssException.badParameter(clean(parameter), "holds a control character");
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw BssException.badParameter(clean(parameter), "is not valid UTF-8");
                }
            }
        }
    }

    /** Percent-decodes as strict UTF-8: a malformed escape or byte sequence is refused, not replaced. */
    static String decode(String parameter, String raw) {
        if (raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw BssException.badParameter(clean(parameter), "has a malformed percent-escape");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                throw BssException.badParameter(clean(parameter), "holds a character that is not percent-encoded");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw BssException.badParameter(clean(parameter), "is not valid UTF-8");
        }
    }

    /** The JSON path of the parser's position, e.g. {@code product_infos[0].id}. */
    private static String pathOf(JsonParser parser, boolean atFieldName) {
        JsonPointer pointer = parser.getParsingContext().pathAsPointer();
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement() && step.getMatchingProperty().chars().allMatch(Character::isDigit)
                    && step.getMatchingIndex() >= 0) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "body" : atFieldName ? path + " (key)" : path.toString();
    }

    /** A parameter name fit to be quoted back: control characters and overlong names do not echo. */
    static String clean(String parameter) {
        StringBuilder out = new StringBuilder(Math.min(parameter.length(), 64));
        for (int i = 0; i < parameter.length() && out.length() < 64; i++) {
            char c = parameter.charAt(i);
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }
}
