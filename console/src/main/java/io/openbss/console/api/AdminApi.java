package io.openbss.console.api;

import io.openbss.console.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.StringJoiner;

/** The gateway's admin API, with the operator's admin token: what the operator pages show and change. */
@ApplicationScoped
public class AdminApi {

    @Inject
    Http http;

    @Inject
    ConsoleConfig config;

    /** Whether {@code adminToken} is the platform's: a read the admin API answers only for it. */
    public boolean accepts(String adminToken) {
        return http.send("GET", uri("/admin/v1/upstream-links", Map.of()),
                Map.of("Authorization", "Bearer " + adminToken), null).ok();
    }

    public ApiAnswer call(Session session, String method, String path, Map<String, String> query, Object body) {
        ApiAnswer answer = http.send(method, uri(path, query), Map.of("Authorization", "Bearer " + session.token()),
                body);
        if (answer.status() == 401) {
            throw new SignedOut();
        }
        return answer;
    }

    public ApiAnswer get(Session session, String path, Map<String, String> query) {
        return call(session, "GET", path, query, null);
    }

    private URI uri(String path, Map<String, String> query) {
        StringJoiner queryString = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                queryString.add(PublicApi.encode(name) + "=" + PublicApi.encode(value.strip()));
            }
        });
        return URI.create(config.adminUrl().toString().replaceAll("/+$", "") + path + queryString);
    }
}
