package io.openbss.common.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.openbss.common.error.BssException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads every JSON request body once as tokens before it is bound, so that whatever type a resource takes (a
 * record, a Map, a JsonNode) the same rules hold: each key and string is text {@link TextRule} accepts, a key
 * appears once in its object, an array holds no null, and the body is one well-formed UTF-8 JSON value nested at
 * most {@value #MAX_DEPTH} levels deep (a BSS request nests 4). What binding it may cost is bounded too: a string
 * holds at most {@value #MAX_TEXT} characters and the body at most {@value #MAX_TOKENS} tokens (keys, values and
 * brackets; 5,000 usage records, the largest batch, are 140,000), so that a 12 MB body of tiny values cannot become
 * millions of objects. A breach is 400 CBC.0100 naming its JSON path, before any business code runs. Server side
 * only: the answers of other services are not requests.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonBodyCheck implements ReaderInterceptor {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_TEXT = 65_536;
    public static final int MAX_TOKENS = 200_000;
    /** The services' limit (quarkus.http.limits.max-body-size): no larger array is made for a declared length. */
    static final long LARGEST_BODY = 16 << 20;
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_TEXT).maxNameLength(MAX_TEXT).build()).build();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            byte[] body = read(context);
            check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /**
     * The whole body, copied once: into an array of its declared length when it has one (every body the gateway
     * forwards), so that a 12 MB body costs 12 MB here and not the 24 MB of a growing copy.
     */
    private static byte[] read(ReaderInterceptorContext context) throws IOException {
        long declared = contentLength(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH));
        InputStream in = context.getInputStream();
        if (declared < 0 || declared > LARGEST_BODY) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        if (in.readNBytes(body, 0, body.length) < body.length || in.read() != -1) {
            throw BssException.badParameter("body", "must be as long as its Content-Length");
        }
        return body;
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Checks a whole body (the gateway checks the bodies it forwards with this too). */
    public static void check(byte[] body) {
        if (body.length == 0) {
            return;
        }
        JsonParser parser;
        try {
            parser = JSON.createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (parser) {
            Deque<Set<String>> keys = new ArrayDeque<>();
            int depth = 0;
            int values = 0;
            int tokens = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (depth == 0 && values++ > 0) {
                    throw BssException.badParameter("body", "must be one JSON value");
                }
                if (++tokens > MAX_TOKENS) {
                    throw BssException.badParameter("body", "must hold at most " + MAX_TOKENS + " JSON tokens");
                }
                switch (token) {
                    case START_OBJECT -> {
                        keys.push(new HashSet<>());
                        depth++;
                    }
                    case END_OBJECT -> {
                        keys.pop();
                        depth--;
                    }
                    case START_ARRAY -> depth++;
                    case END_ARRAY -> depth--;
                    case FIELD_NAME -> checkKey(parser, keys.element());
                    case VALUE_STRING -> checkText(parser, parser.getText());
                    case VALUE_NULL -> {
                        if (parser.getParsingContext().inArray()) {
                            throw BssException.badParameter(path(parser.getParsingContext()), "must not be null");
                        }
                    }
                    default -> {
                        // numbers and booleans are the bound types' to check
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            throw parser.getParsingContext().getNestingDepth() >= MAX_DEPTH
                    ? BssException.badParameter("body", "must be nested at most " + MAX_DEPTH + " levels deep")
                    : BssException.badParameter(path(parser.getParsingContext()),
                            "is too long (text at most " + MAX_TEXT + " characters, a number 1000 digits)");
        } catch (JsonProcessingException e) {
            throw BssException.badParameter(path(parser.getParsingContext()),
                    e.getOriginalMessage().startsWith("Invalid UTF-8") ? "is not valid UTF-8" : "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkKey(JsonParser parser, Set<String> keysOfObject) throws IOException {
        String key = parser.currentName();
        String problem = TextRule.problem(key);
        if (problem != null) {
            throw BssException.badParameter(path(parser.getParsingContext()), "its name " + problem);
        }
        if (!keysOfObject.add(key)) {
            throw BssException.badParameter(path(parser.getParsingContext()), "is given more than once");
        }
    }

    private static void checkText(JsonParser parser, String text) {
        String problem = TextRule.problem(text);
        if (problem != null) {
            throw BssException.badParameter(path(parser.getParsingContext()), problem);
        }
    }

    /** The path of the current token as messages name fields: {@code product_infos[0].id}; the root is "body". */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + TextRule.quoted(c.getCurrentName()));
            }
        }
        if (path.isEmpty() || path.charAt(0) == '[') {
            return path.insert(0, "body").toString();
        }
        return path.substring(1);
    }

    private static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
