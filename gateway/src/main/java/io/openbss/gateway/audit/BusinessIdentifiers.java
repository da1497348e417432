package io.openbss.gateway.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.openbss.common.signing.Rfc3986;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business identifiers a request names (orders, resources, transfers, customers, coupons), by key. They are
 * taken by known keys only, never whole requests, so that nothing secret reaches the audit trail; their number and
 * length are capped so that no request can make its record large, and {@code truncated} says when some were cut.
 */
public record BusinessIdentifiers(Map<String, List<String>> values, boolean truncated) {

    /** The request fields (the SDK's names) that say what a call acts on. */
    static final Set<String> KEYS = Set.of("order_id", "order_ids", "resource_id", "resource_ids", "trans_id",
            "customer_id", "sub_customer_id", "coupon_id", "coupon_ids", "sub_coupon_id", "party_id", "org_id");
    static final int MAX_VALUES = 100;
    static final int MAX_LENGTH = 128;
    /** Bodies of state-changing calls are small; a huge one must not hold the event loop while it is scanned. */
    static final int MAX_JSON_TOKENS = 10_000;

    private static final JsonFactory JSON = new JsonFactory();

    public static final BusinessIdentifiers NONE = new BusinessIdentifiers(Map.of(), false);

    /** One identifier an admin change names, such as the contact it reports. */
    public static BusinessIdentifiers of(String key, String value) {
        return collector().add(key, value).build();
    }

    public static Collector collector() {
        return new Collector();
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        values.forEach((key, list) -> json.put(key, new JsonArray(List.copyOf(list))));
        return json;
    }

    /** Gathers identifiers from the parts of a request, in the order they are given. */
    public static final class Collector {

        private final Map<String, Set<String>> found = new LinkedHashMap<>();
        private int count;
        private boolean truncated;

        private Collector() {
        }

        /** The path parameters of the operation's template, with their raw (percent-encoded) values. */
        public Collector pathParameters(List<String> names, List<String> rawValues) {
            for (int i = 0; i < names.size() && i < rawValues.size(); i++) {
                if (KEYS.contains(names.get(i))) {
                    add(names.get(i), Rfc3986.decode(rawValues.get(i)));
                }
            }
            return this;
        }

        public Collector query(String rawQuery) {
            if (rawQuery == null || rawQuery.isEmpty()) {
                return this;
            }
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = Rfc3986.decode(pair.substring(0, equals));
                    if (KEYS.contains(name)) {
                        add(name, Rfc3986.decode(pair.substring(equals + 1)));
                    }
                }
            }
            return this;
        }

        /**
         * Known keys at any depth of a JSON body, with a string or number value or an array of them. A body that is
         * not JSON yields what was read before the parser gave up: telling the client is the service's job.
         */
        public Collector json(byte[] body) {
            if (body.length == 0) {
                return this;
            }
            int tokens = 0;
            try (JsonParser parser = JSON.createParser(body)) {
                JsonToken token;
                while (tokens < MAX_JSON_TOKENS && (token = parser.nextToken()) != null) {
                    tokens++;
                    if (token != JsonToken.FIELD_NAME || !KEYS.contains(parser.currentName())) {
                        continue;
                    }
                    String key = parser.currentName();
                    token = parser.nextToken();
                    tokens++;
                    if (token != JsonToken.START_ARRAY) {
                        addScalar(key, token, parser);
                        continue;
                    }
                    int depth = 1;
                    while (depth > 0 && tokens < MAX_JSON_TOKENS && (token = parser.nextToken()) != null) {
                        tokens++;
                        if (token.isStructStart()) {
                            depth++;
                        } else if (token.isStructEnd()) {
                            depth--;
                        } else if (depth == 1) {
                            addScalar(key, token, parser);
                        }
                    }
                }
            } catch (IOException e) {
                return this;
            }
            if (tokens >= MAX_JSON_TOKENS) {
                truncated = true;
            }
            return this;
        }

        public BusinessIdentifiers build() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            found.forEach((key, set) -> values.put(key, List.copyOf(set)));
            return new BusinessIdentifiers(values, truncated);
        }

        private void addScalar(String key, JsonToken token, JsonParser parser) throws IOException {
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                add(key, parser.getText());
            }
        }

        private Collector add(String key, String value) {
            if (value == null || value.isEmpty()) {
                return this;
            }
            if (count >= MAX_VALUES) {
                truncated = true;
                return this;
            }
            String kept = Printable.of(value);
            if (kept.length() > MAX_LENGTH) {
                kept = kept.substring(0, MAX_LENGTH);
                truncated = true;
            }
            if (found.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(kept)) {
                count++;
            }
            return this;
        }
    }
}
