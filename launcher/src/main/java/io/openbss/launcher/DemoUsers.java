package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo's passwords and IAM users: every demo account's own user logs in with the sandbox password (for
 * X-Auth-Tokens), and the enterprise master has a {@code finance} user (bss_finance) and an {@code operator} user
 * (bss_operator). A password that already works is left alone, so reloading revokes no token.
 */
final class DemoUsers {

    /** The sandbox's password, printed by ./bss up and written to demo.env: this is a sandbox, not a secret. */
    static final String PASSWORD = "OpenBSS-sandbox1";
    static final List<String[]> MASTER_USERS = List.of(new String[] {"finance", "bss_finance"},
            new String[] {"operator", "bss_operator"});

    private final AdminClient admin;
    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoUsers(AdminClient admin, String endpoint) {
        this.admin = admin;
        this.endpoint = endpoint;
    }

    void load(Map<DemoData.DemoAccount, String> ids) {
        for (Map.Entry<DemoData.DemoAccount, String> account : ids.entrySet()) {
            String name = account.getKey().name();
            ensurePassword(user(account.getValue(), u -> u.path("root").asBoolean()).path("user_id").asText(), name,
                    name);
        }
        String master = ids.get(DemoData.MASTER);
        for (String[] user : MASTER_USERS) {
            JsonNode found = user(master, u -> u.path("name").asText().equals(user[0]));
            String userId = found != null ? found.path("user_id").asText()
                    : admin.expect("POST", "/admin/v1/domains/" + master + "/users", Map.of("name", user[0]))
                    .path("user_id").asText();
            admin.expect("PUT", "/admin/v1/users/" + userId + "/policies",
                    Map.of("policies", List.of(Map.of("role", user[1]))));
            ensurePassword(userId, user[0], DemoData.MASTER.name());
        }
    }

    private JsonNode user(String domainId, Predicate<JsonNode> which) {
        for (JsonNode user : admin.expect("GET", "/admin/v1/domains/" + domainId + "/users", null).path("users")) {
            if (which.test(user)) {
                return user;
            }
        }
        return null;
    }

    private void ensurePassword(String userId, String userName, String domainName) {
        if (!logsIn(userName, domainName)) {
            admin.expect("PUT", "/admin/v1/users/" + userId + "/password",
                    Map.of("password", PASSWORD));
        }
    }

    private boolean logsIn(String userName, String domainName) {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + userName + "\",\"password\":\"" + PASSWORD + "\",\"domain\":{\"name\":\"" + domainName
                + "\"}}}}}}";
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + "/v3/auth/tokens"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (IOException e) {
            throw new LauncherException("token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
