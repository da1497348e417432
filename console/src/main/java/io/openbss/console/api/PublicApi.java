package io.openbss.console.api;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.request.Language;
import io.openbss.console.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The public API, called as any client calls it: by operation name from the operation table, with the session's
 * X-Auth-Token and language. Nothing else of the platform is reachable from a customer's page.
 */
@ApplicationScoped
public class PublicApi {

    private static final OperationTable OPERATIONS = OperationTable.load();
    static final String CREATE_TOKEN = "KeystoneCreateToken";
    static final String REVOKE_TOKEN = "KeystoneRevokeToken";

    @Inject
    Http http;

    @Inject
    ConsoleConfig config;

    public static Operation operation(String name) {
        return OPERATIONS.byName(name).orElseThrow(() -> new IllegalArgumentException("no operation " + name));
    }

    /**
     * Calls {@code operation}: {@code parameters} fill its path template by name, the others (blank ones left out)
     * become the query string; {@code body} (may be null) is sent as JSON. A refused token ends the session.
     */
    public ApiAnswer call(Session session, String operation, Map<String, String> parameters, Object body) {
        ApiAnswer answer = send(session.token(), session.language(), operation(operation), parameters, body);
        if (answer.status() == 401) {
            throw new SignedOut();
        }
        return answer;
    }

    public ApiAnswer call(Session session, String operation, Map<String, String> parameters) {
        return call(session, operation, parameters, null);
    }

    /** {@code POST /v3/auth/tokens} with a password: the answer carries the token in {@code X-Subject-Token}. */
    public SignIn signIn(String account, String user, String password, Language language) {
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", new String[] {"password"}, "password", Map.of("user", Map.of(
                        "name", user, "password", password, "domain", Map.of("name", account)))),
                "scope", Map.of("domain", Map.of("name", account))));
        return http.signIn(uri(operation(CREATE_TOKEN), Map.of()), language, body);
    }

    /** Revokes the session's own token, as Keystone's {@code DELETE /v3/auth/tokens} does. */
    public ApiAnswer revoke(Session session) {
        Operation revoke = operation(REVOKE_TOKEN);
        return http.send(revoke.method(), uri(revoke, Map.of()), Map.of("X-Auth-Token", session.token(),
                "X-Subject-Token", session.token(), Language.HEADER, wire(session.language())), null);
    }

    private ApiAnswer send(String token, Language language, Operation operation, Map<String, String> parameters,
            Object body) {
        return http.send(operation.method(), uri(operation, parameters),
                Map.of("X-Auth-Token", token, Language.HEADER, wire(language)), body);
    }

    static String wire(Language language) {
        return language == Language.EN_US ? "en_US" : "zh_CN";
    }

    private URI uri(Operation operation, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        StringBuilder path = new StringBuilder();
        for (String segment : operation.segments()) {
            path.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String value = query.remove(segment.substring(1, segment.length() - 1));
                path.append(encode(value == null ? "" : value));
            } else {
                path.append(segment);
            }
        }
        StringJoiner queryString = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                queryString.add(encode(name) + "=" + encode(value.strip()));
            }
        });
        return URI.create(config.gatewayUrl().toString().replaceAll("/+$", "") + path + queryString);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
