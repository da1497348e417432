package io.openbss.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.request.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The one HTTP client of the console: JSON in, JSON out, the platform's answer as it came. */
@ApplicationScoped
class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    ObjectMapper json;

    @Inject
    ConsoleConfig config;

    ApiAnswer send(String method, URI uri, Map<String, String> headers, Object body) {
        HttpResponse<byte[]> response = exchange(method, uri, headers, body);
        return new ApiAnswer(response.statusCode(), response.body().length == 0 ? null : readOrNull(response.body()),
                response.headers().firstValue("X-Request-Id").orElse(""));
    }

    SignIn signIn(URI uri, Language language, Object body) {
        HttpResponse<byte[]> response = exchange("POST", uri, Map.of(Language.HEADER, PublicApi.wire(language)), body);
        ApiAnswer answer = new ApiAnswer(response.statusCode(),
                response.body().length == 0 ? null : readOrNull(response.body()),
                response.headers().firstValue("X-Request-Id").orElse(""));
        return new SignIn(answer.ok() ? response.headers().firstValue("X-Subject-Token").orElse(null) : null, answer);
    }

    private HttpResponse<byte[]> exchange(String method, URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.callTimeout())
                .header("Accept", "application/json");
        headers.forEach(request::header);
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json;charset=UTF-8")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("the platform did not answer " + method + " " + uri.getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode readOrNull(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
