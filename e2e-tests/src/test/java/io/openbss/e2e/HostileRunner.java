package io.openbss.e2e;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.e2e.HostileCases.HostileCase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends hostile cases through the gateway with a small fixed concurrency, signed as the SDK signs (each operation
 * with the keys it is given), or unsigned for password logins, and keeps every answer.
 */
final class HostileRunner implements AutoCloseable {

    /** What came back for one case; {@code failure} when nothing did. */
    record Answer(HostileCase request, int status, Map<String, List<String>> headers, String body,
            String failure) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final Function<String, SignedHttpClient> signers;
    private final String endpoint;
    private final HttpClient unsigned = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService pool;

    /** @param signers the client that signs an operation's requests, by operation name */
    HostileRunner(Function<String, SignedHttpClient> signers, String endpoint, int threads) {
        this.signers = signers;
        this.endpoint = endpoint;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Sends every case, {@code threads} at a time, and answers in the cases' order. */
    List<Answer> sendAll(List<HostileCase> cases) throws InterruptedException {
        List<Future<Answer>> running = new ArrayList<>();
        for (HostileCase c : cases) {
            running.add(pool.submit(() -> send(c)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : running) {
            try {
                answers.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending a hostile case failed", e.getCause());
            }
        }
        return answers;
    }

    /**
     * Sends one case. A connection that fails is tried once more, as clients do; a case that gets no answer twice
     * is answered with the failure.
     */
    Answer send(HostileCase c) throws InterruptedException {
        IOException failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return c.account() == Baselines.Account.PASSWORD ? sendUnsigned(c) : sendSigned(c);
            } catch (IOException e) {
                failure = e;
            }
        }
        return new Answer(c, 0, Map.of(), "", failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private Answer sendSigned(HostileCase c) throws IOException, InterruptedException {
        SignedHttpClient.Response response = signers.apply(c.operation()).send(c.method(), c.rawPath(),
                c.rawQuery(), c.headers(), c.body(), Instant.now());
        return new Answer(c, response.status(), response.headers(), response.body(), null);
    }

    private Answer sendUnsigned(HostileCase c) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + c.rawPath()
                        + (c.rawQuery().isEmpty() ? "" : "?" + c.rawQuery())))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(c.method(), c.body() == null || c.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers().forEach(request::setHeader);
        HttpResponse<String> response = unsigned.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(c, response.statusCode(), response.headers().map(), response.body(), null);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
