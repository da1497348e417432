package io.openbss.e2e;

import static io.openbss.e2e.JsonBodies.concat;
import static io.openbss.e2e.JsonBodies.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openbss.common.operations.Operation;
import io.openbss.common.signing.Rfc3986;
import io.openbss.e2e.ApiParameters.Location;
import io.openbss.e2e.ApiParameters.Parameter;
import io.openbss.e2e.Baselines.Account;
import io.openbss.e2e.Baselines.Baseline;
import io.openbss.e2e.HostileValues.Hostile;
import io.openbss.e2e.HostileValues.Mode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The requests of the hostile suite: for each operation its baseline, then the baseline with one parameter given
 * each of its hostile values; whole bodies that are not what they should be (duplicate keys, deep nesting, not JSON,
 * wrong content types) and unknown parameters for every operation; and the gateway's size limits (a 100 KB URI,
 * 100 KB of headers, an 11 MB and a 13 MB body). Every request has a body made with a token of its own, so that no
 * two requests share an idempotency key.
 */
final class HostileCases {

    /** One request to send: what it tries (operation, parameter, value) and its parts, as they go on the wire. */
    record HostileCase(String operation, Account account, String parameter, String value, String method,
            String rawPath, String rawQuery, Map<String, String> headers, byte[] body, boolean pathValue) {

        static final String BASELINE = "(baseline)";

        HostileCase trying(String parameter, String value) {
            return new HostileCase(operation, account, parameter, value, method, rawPath, rawQuery, headers, body,
                    false);
        }

        HostileCase withQuery(String rawQuery) {
            return new HostileCase(operation, account, parameter, value, method, rawPath, rawQuery, headers, body,
                    pathValue);
        }

        HostileCase withHeader(String name, String headerValue) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            headers.put(name, headerValue);
            return new HostileCase(operation, account, parameter, value, method, rawPath, rawQuery, headers, body,
                    pathValue);
        }

        HostileCase withBody(byte[] body) {
            return new HostileCase(operation, account, parameter, value, method, rawPath, rawQuery, headers, body,
                    pathValue);
        }
    }

    /** Fields the gateway's audit trail takes identifiers from, tried where an operation does not have them. */
    private static final List<String> IDENTIFIERS = List.of("order_id", "resource_id", "trans_id");
    private static final String DEEP = HostileValues.DEEP + " nested";

    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, List<Parameter>> parameters;
    private final Map<String, Baseline> baselines;
    /** The token a request's body is made with (its idempotency keys), from the request's number. */
    private final IntFunction<String> unique;
    private int made;

    HostileCases(List<Operation> operations, Map<String, List<Parameter>> parameters,
            Map<String, Baseline> baselines, IntFunction<String> unique) {
        operations.forEach(o -> this.operations.put(o.name(), o));
        this.parameters = parameters;
        this.baselines = baselines;
        this.unique = unique;
    }

    /** Each operation's baseline request. */
    List<HostileCase> baselines() {
        return operations.keySet().stream().map(this::baseline).toList();
    }

    /** Every hostile case of one operation. */
    List<HostileCase> of(String name) {
        List<HostileCase> cases = new ArrayList<>();
        for (Parameter parameter : parameters.get(name)) {
            for (Hostile value : HostileValues.of(parameter)) {
                cases.add(build(name, parameter, value));
            }
        }
        cases.addAll(unknownParameters(name));
        if (baselines.get(name).body() != null) {
            cases.addAll(bodies(name));
        }
        return cases;
    }

    /** The gateway's limits, on one operation with a body: URI, headers and body far over their sizes. */
    List<HostileCase> limits(String name) {
        return List.of(
                baseline(name).trying("request:uri", "100 KB URI (414)").withQuery("x=" + "a".repeat(100 * 1024)),
                baseline(name).trying("request:headers", "100 KB header (431)")
                        .withHeader("X-Hostile-Padding", "a".repeat(100 * 1024)),
                baseline(name).trying("request:body", "11 MB body").withBody(bodyOfSize(11 * 1024 * 1024)),
                baseline(name).trying("request:body", "10 MB body of 2.6 million values (400)")
                        .withBody(text("{\"resource_ids\":[" + "\"a\",".repeat(2_600_000) + "\"a\"]}")),
                baseline(name).trying("request:body", "13 MB body (413)").withBody(bodyOfSize(13 * 1024 * 1024)));
    }

    /** {@code {"order_id":"aaa...a"}}, {@code size} bytes long. */
    private static byte[] bodyOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = text("{\"order_id\":\"");
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    /** Parameters the operation does not have: an unknown one, and an identifier the audit trail picks up. */
    private List<HostileCase> unknownParameters(String name) {
        Set<String> own = Set.copyOf(parameters.get(name).stream().map(Parameter::name).toList());
        String identifier = IDENTIFIERS.stream().filter(i -> !own.contains(i)).findFirst().orElseThrow();
        List<HostileCase> cases = new ArrayList<>();
        for (String extra : List.of("zz_unknown", identifier)) {
            HostileCase base = baseline(name);
            cases.add(base.trying("query:" + extra, "unknown parameter NUL %00")
                    .withQuery((base.rawQuery().isEmpty() ? "" : base.rawQuery() + "&") + extra + "=%00"));
            if (base.body() != null) {
                cases.add(base.trying("body:" + extra, "unknown field \\u0000")
                        .withBody(JsonBodies.replace(body(name), extra, text("\"\\u0000\""))));
            }
        }
        return cases;
    }

    /** Whole-body cases of an operation that takes a JSON body. */
    private List<HostileCase> bodies(String name) {
        HostileCase base = baseline(name);
        List<HostileCase> cases = new ArrayList<>();
        for (Parameter parameter : parameters.get(name)) {
            if (parameter.topLevel()) {
                cases.add(base.trying("body", "duplicate key " + parameter.name())
                        .withBody(JsonBodies.duplicateKey(body(name), parameter.name())));
            }
        }
        String first = parameters.get(name).stream().filter(Parameter::topLevel).map(Parameter::name).findFirst()
                .orElseThrow();
        cases.add(base.trying("body:" + first, DEEP + " arrays as the value").withBody(JsonBodies.replace(
                body(name), first, text(HostileValues.deepArrays(HostileValues.DEEP)))));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put(DEEP + " arrays as the body", text(HostileValues.deepArrays(HostileValues.DEEP)));
        bodies.put(DEEP + " objects as the body", text(HostileValues.deepObjects(HostileValues.DEEP)));
        bodies.put("not JSON", text("not json"));
        byte[] cut = valid(name);
        bodies.put("truncated JSON", Arrays.copyOf(cut, cut.length / 2));
        bodies.put("empty body", new byte[0]);
        bodies.put("a JSON array", text("[]"));
        bodies.put("the body in an array", concat(text("["), valid(name), text("]")));
        bodies.put("a JSON string", text("\"x\""));
        bodies.put("JSON null", text("null"));
        bodies.put("a JSON number", text("1"));
        bodies.put("byte order mark first", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                valid(name)));
        bodies.put("invalid UTF-8 first", concat(new byte[] {(byte) 0xFF}, valid(name)));
        bodies.put("trailing garbage", concat(valid(name), text("xyz")));
        byte[] twice = valid(name);
        bodies.put("two objects", concat(twice, twice));
        bodies.put("a comment first", concat(text("/* c */"), valid(name)));
        bodies.put("single quotes", text(new String(valid(name), StandardCharsets.UTF_8).replace('"', '\'')));
        bodies.forEach((label, body) -> cases.add(base.trying("body", label).withBody(body)));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=UTF-16")) {
            cases.add(base.trying("header:Content-Type", contentType).withHeader("Content-Type", contentType)
                    .withBody(valid(name)));
        }
        return cases;
    }

    private HostileCase baseline(String name) {
        return build(name, null, null);
    }

    /** The operation's baseline body, as a tree, made with a new token. */
    private ObjectNode body(String name) {
        return JsonBodies.parse(baselines.get(name).body().apply(unique.apply(made++)));
    }

    /** The operation's baseline body, made with a new token. */
    private byte[] valid(String name) {
        return JsonBodies.write(body(name));
    }

    /** The baseline request with {@code value} given to {@code parameter}; with none, the baseline itself. */
    private HostileCase build(String name, Parameter parameter, Hostile value) {
        Operation operation = operations.get(name);
        Baseline baseline = baselines.get(name);
        Location target = parameter == null ? null : parameter.location();

        List<String> pathValues = new ArrayList<>();
        for (String p : operation.pathParameters()) {
            pathValues.add(target == Location.PATH && parameter.name().equals(p) ? value.text()
                    : Rfc3986.encode(baseline.path().get(p)));
        }

        StringBuilder query = new StringBuilder();
        Map<String, String> pairs = new LinkedHashMap<>();
        baseline.query().forEach((key, text) -> pairs.put(key, Rfc3986.encode(text)));
        if (target == Location.QUERY) {
            pairs.putIfAbsent(parameter.name(), null);
        }
        pairs.forEach((key, encoded) -> {
            if (target == Location.QUERY && key.equals(parameter.name())) {
                switch (value.mode()) {
                    case ABSENT -> {
                    }
                    case REPLACE -> appendPair(query, key, value.text());
                    case TWICE -> {
                        appendPair(query, key, encoded == null ? "1" : encoded);
                        appendPair(query, key, value.text());
                    }
                }
            } else {
                appendPair(query, key, encoded);
            }
        });

        Map<String, String> headers = new LinkedHashMap<>(baseline.headers());
        if (target == Location.HEADER) {
            headers.remove(parameter.name());
            if (value.mode() != Mode.ABSENT) {
                headers.put(parameter.name(), value.text());
            }
        }

        byte[] body = null;
        if (baseline.body() != null) {
            ObjectNode json = body(name);
            body = target != Location.BODY ? JsonBodies.write(json) : value.mode() == Mode.ABSENT
                    ? JsonBodies.remove(json, parameter.name()) : JsonBodies.replace(json, parameter.name(),
                    value.bytes());
        }
        return new HostileCase(name, baseline.account(), parameter == null ? HostileCase.BASELINE
                : parameter.label(), value == null ? "" : value.label(), operation.method(),
                operation.path(pathValues), query.toString(), headers, body, target == Location.PATH);
    }

    private static void appendPair(StringBuilder query, String name, String encodedValue) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(Rfc3986.encode(name)).append('=').append(encodedValue);
    }
}
