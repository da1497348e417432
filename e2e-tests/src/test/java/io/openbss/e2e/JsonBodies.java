package io.openbss.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a JSON body at a path ({@code a.b[0].c}) and writes it with raw bytes where a value stood: the value a
 * hostile case sends need not be JSON, nor UTF-8. A placeholder string is written where the value goes, then its
 * bytes are swapped for the raw ones.
 */
final class JsonBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "HOSTILE-VALUE-PLACEHOLDER-7f3a";
    private static final byte[] QUOTED_PLACEHOLDER = ("\"" + PLACEHOLDER + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private JsonBodies() {
    }

    /**
     * The body with {@code raw} where the value at {@code path} is. Missing objects and list elements on the way are
     * made, and a value of the wrong kind on the way is replaced by one of the right kind.
     */
    static byte[] replace(ObjectNode root, String path, byte[] raw) {
        List<Object> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        if (steps.getLast() instanceof String key) {
            ((ObjectNode) parent).set(key, TextNode.valueOf(PLACEHOLDER));
        } else {
            ArrayNode list = (ArrayNode) parent;
            if (list.isEmpty()) {
                list.add(PLACEHOLDER);
            } else {
                list.set(0, TextNode.valueOf(PLACEHOLDER));
            }
        }
        return swapPlaceholder(write(root), raw);
    }

    /** The body without the value at {@code path} (a field removed, or a list's first element). */
    static byte[] remove(ObjectNode root, String path) {
        List<Object> steps = steps(path);
        JsonNode parent = parentOf(root, steps);
        if (parent instanceof ObjectNode object && steps.getLast() instanceof String key) {
            object.remove(key);
        } else if (parent instanceof ArrayNode list && !list.isEmpty()) {
            list.remove(0);
        }
        return write(root);
    }

    /** The body with {@code key} first and twice: a value of its kind, then its own value; the rest after. */
    static byte[] duplicateKey(ObjectNode root, String key) {
        JsonNode own = root.remove(key);
        String first = own == null || own.isTextual() ? "\"x\"" : own.isNumber() ? "1" : own.isBoolean() ? "false"
                : own.isArray() ? "[]" : "{}";
        String second = own == null ? "\"y\"" : own.toString();
        String rest = new String(write(root), StandardCharsets.UTF_8).substring(1);
        return text("{\"" + key + "\":" + first + ",\"" + key + "\":" + second + (rest.equals("}") ? "" : ",")
                + rest);
    }

    /** The container at each step down to the parent of the last one, made if missing or of the wrong kind. */
    private static JsonNode parentOf(ObjectNode root, List<Object> steps) {
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            boolean wantList = steps.get(i + 1) instanceof Integer;
            JsonNode made = wantList ? JSON.createArrayNode() : JSON.createObjectNode();
            if (steps.get(i) instanceof String key) {
                ObjectNode object = (ObjectNode) node;
                if (!fits(object.get(key), wantList)) {
                    object.set(key, made);
                }
                node = object.get(key);
            } else {
                ArrayNode list = (ArrayNode) node;
                if (list.isEmpty()) {
                    list.add(made);
                } else if (!fits(list.get(0), wantList)) {
                    list.set(0, made);
                }
                node = list.get(0);
            }
        }
        return node;
    }

    private static boolean fits(JsonNode node, boolean wantList) {
        return node != null && (wantList ? node.isArray() : node.isObject());
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(path);
        while (matcher.find()) {
            steps.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
        }
        return steps;
    }

    private static byte[] swapPlaceholder(byte[] json, byte[] raw) {
        int at = indexOf(json, QUOTED_PLACEHOLDER);
        return concat(Arrays.copyOfRange(json, 0, at), raw,
                Arrays.copyOfRange(json, at + QUOTED_PLACEHOLDER.length, json.length));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the placeholder is not in the body");
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a baseline body is not JSON: " + json, e);
        }
    }

    static byte[] write(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
