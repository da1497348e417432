package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.signing.SignedHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The public API as one customer sees it, signed with its AK/SK. Like a well-behaved client it waits out the
 * per-second quotas (429) instead of failing; any other refusal is an error.
 */
public final class CustomerView {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 20;

    private final String customerId;
    private final SignedHttpClient client;

    public CustomerView(String endpoint, String customerId, String accessKey, String secretKey) {
        this.customerId = customerId;
        this.client = new SignedHttpClient(URI.create(endpoint), accessKey, secretKey, customerId);
    }

    public String customerId() {
        return customerId;
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send("GET", path, query, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, Map.of(), body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, Map.of(), body);
    }

    /** Every item of a paged list ({@code offset}/{@code limit}), in the order the API gives them. */
    public List<JsonNode> all(String path, Map<String, String> query, String listField, int pageSize) {
        List<JsonNode> items = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            Map<String, String> page = new LinkedHashMap<>(query);
            page.put("offset", String.valueOf(offset));
            page.put("limit", String.valueOf(pageSize));
            JsonNode answer = get(path, page);
            answer.path(listField).forEach(items::add);
            if (answer.path(listField).size() < pageSize) {
                return items;
            }
        }
    }

    private JsonNode send(String method, String path, Map<String, String> query, Object body) {
        StringJoiner raw = new StringJoiner("&");
        query.forEach((name, value) -> raw.add(encode(name) + "=" + encode(value)));
        try {
            byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
            for (int attempt = 1; ; attempt++) {
                SignedHttpClient.Response response = client.send(method, path, raw.toString(), bytes);
                if (response.status() == 429 && attempt < ATTEMPTS) {
                    Thread.sleep(waitMillis(response));
                    continue;
                }
                if (response.status() / 100 != 2) {
                    throw new LauncherException(method + " " + path + "?" + raw + " as " + customerId + " answered "
                            + response.status() + " " + response.body());
                }
                return JSON.readTree(response.body());
            }
        } catch (IOException e) {
            throw new LauncherException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private static long waitMillis(SignedHttpClient.Response response) {
        try {
            return Math.max(100, Math.min(5_000, Long.parseLong(response.header("Retry-After")) * 1000));
        } catch (NumberFormatException | NullPointerException e) {
            return 1_000;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
