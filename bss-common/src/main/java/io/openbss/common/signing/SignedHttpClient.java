package io.openbss.common.signing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client that signs every request with an AK/SK as the Huawei Cloud SDK does. What the CLI,
 * benchmarks and tests use where the SDK has no method (or where a test needs to bend a request).
 */
public final class SignedHttpClient {

    public static final String USER_AGENT = "openbss-cli/1.0";

    private final HttpClient http;
    private final URI endpoint;
    private final String domainId;
    private final SdkSigner signer;

    public SignedHttpClient(URI endpoint, String accessKey, String secretKey, String domainId) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.endpoint = endpoint;
        this.domainId = domainId;
        this.signer = new SdkSigner(accessKey, secretKey);
    }

    /** What came back. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    public Response send(String method, String rawPath, String rawQuery, byte[] body) throws IOException,
            InterruptedException {
        return send(method, rawPath, rawQuery, Map.of(), body, Instant.now());
    }

    /** Sends a request signed at {@code signedAt}, with extra headers that are signed too. */
    public Response send(String method, String rawPath, String rawQuery, Map<String, String> extraHeaders,
            byte[] body, Instant signedAt) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, rawPath, rawQuery, extraHeaders, body, signedAt),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    /** The request, signed at {@code signedAt} as the SDK signs it, for a caller that sends it itself. */
    public HttpRequest request(String method, String rawPath, String rawQuery, Map<String, String> extraHeaders,
            byte[] body, Instant signedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", endpoint.getRawAuthority());
        headers.put("User-Agent", USER_AGENT);
        headers.put("Content-Type", "application/json");
        if (domainId != null) {
            headers.put("X-Domain-Id", domainId);
        }
        headers.putAll(extraHeaders);
        byte[] payload = body == null ? new byte[0] : body;
        headers.putAll(signer.sign(method, rawPath, rawQuery, headers, payload, signedAt));
        String uri = endpoint.toString().replaceAll("/$", "") + rawPath
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .method(method, payload.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return request.build();
    }
}
