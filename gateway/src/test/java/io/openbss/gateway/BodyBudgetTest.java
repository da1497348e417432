package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.StreamResetException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The request bodies the gateway holds at once are bounded (here by the largest body, 12 MiB: the test resource's
 * {@code bss.gateway.bodies-in-flight-bytes} is lower): a body beyond is refused at once with 503, not performed,
 * while calls without one go on; a body that does not arrive in time is refused with 408; the body of a caller whom
 * its headers do not identify is dropped as it arrives; what a call holds is given back when it is over, however it
 * ends.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class BodyBudgetTest {

    static final String PAY = "/v3/orders/customer-orders/pay";
    static final int MIB = 1024 * 1024;

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Test
    void aBodyBeyondTheBudgetIsRefusedUntilTheCallsHoldingItAreOver() throws Exception {
        SignedHttpClient client = account("individual").client();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<SignedHttpClient.Response> held = threads.submit(() -> client.send("POST", PAY, null,
                    Map.of(), orderBody("held", 11 * MIB), Instant.now()));
            assertThat(GatewayTestResource.heldArrived.await(30, TimeUnit.SECONDS)).isTrue();
            // forwarded, and waiting for its answer: its body is still held
            assertThat(held()).isGreaterThanOrEqualTo(11 * MIB);

            String refusedId = "budget-" + UUID.randomUUID();
            SignedHttpClient.Response refused = client.send("POST", PAY, null, Map.of("X-Request-Id", refusedId),
                    orderBody("o-1", 2 * MIB), Instant.now());
            PublicApiTest.assertApig(refused, 503, "APIG.0201");
            assertThat(JsonPath.from(refused.body()).getString("error_msg")).contains("not performed");
            assertThat(GatewayTestResource.FORWARDED).doesNotContain(refusedId);
            assertThat(client.send("GET", "/v2/accounts/customer-accounts/balances", null, null).status())
                    .isEqualTo(200);

            GatewayTestResource.releaseHeld();
            assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            untilNoneHeld();
            assertThat(client.send("POST", PAY, null, Map.of(), orderBody("o-1", 2 * MIB), Instant.now()).status())
                    .isEqualTo(200);
            untilNoneHeld();
        } finally {
            GatewayTestResource.releaseHeld();
            threads.shutdownNow();
        }
    }

    @Test
    void whatAnAbandonedOrRefusedUploadHeldIsGivenBack() throws Exception {
        byte[] part = new byte[8 * MIB];
        Arrays.fill(part, (byte) 'a');
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(payHead(knownKey() + "Transfer-Encoding: chunked\r\n",
                    Integer.toHexString(part.length) + "\r\n"));
            out.write(part);
            out.flush();
            until(() -> held() >= 8 * MIB, "the upload's first 8 MiB held");
        } // the client goes away before its body is read
        untilNoneHeld();

        SignedHttpClient.Response oversize = account("individual").client().send("POST", PAY, null, Map.of(),
                orderBody("o-1", 13 * MIB), Instant.now());
        PublicApiTest.assertApig(oversize, 413, "APIG.0201");
        untilNoneHeld();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsRefusedAndGivesBackWhatItHeld() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(payHead(knownKey() + "Content-Length: " + MIB + "\r\n", "{\"order_id\":\""));
            out.flush();
            until(() -> held() > 0, "the first bytes held");
            // nothing more is sent: at the body read timeout (3 s here) the call is refused, not performed
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error_code\":\"APIG.0201\"")
                    .contains("did not arrive within 3 s");
        }
        untilNoneHeld();
    }

    @Test
    void theBodyOfACallerWhoIsRefusedIsDroppedAsItArrivesAndTheRefusalAnsweredOnceItHasEnded() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            byte[] half = new byte[4 * MIB];
            Arrays.fill(half, (byte) 'a');
            double before = dropped();
            out.write(payHead("Content-Length: " + 2 * half.length + "\r\n", ""));
            out.write(half);
            out.flush();
            // no credentials: refused before the first byte, so every byte is dropped as it arrives, none held
            until(() -> dropped() - before >= half.length, "the first half dropped");
            assertThat(held()).isZero();
            out.write(half);
            out.flush();
            assertThat(answer(socket)).startsWith("HTTP/1.1 401").contains("\"error_code\":\"APIG.0301\"");
        }
        untilNoneHeld();
    }

    @Test
    void aCallerRefusedByItsHeadersIsAnsweredAndItsConnectionStaysOpenForTheNextCall() throws Exception {
        Map<String, String> heads = Map.of(
                "no credentials", "",
                "an unknown access key", signedBy("UNKNOWNKEY0000000000"),
                "an unknown token", "X-Auth-Token: " + "t".repeat(200) + "\r\n");
        for (Map.Entry<String, String> head : heads.entrySet()) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                String body = "{\"order_id\":\"o-1\"}";
                for (int call = 0; call < 2; call++) {
                    out.write(payHead(head.getValue() + "Content-Length: " + body.length() + "\r\n", body));
                    out.flush();
                    assertThat(answer(socket)).as(head.getKey() + ", call " + call).startsWith("HTTP/1.1 401")
                            .doesNotContainIgnoringCase("connection: close");
                }
            }
        }
        untilNoneHeld();
    }

    @Test
    void anHttp2CallRefusedWhileItsBodyArrivesIsResetAloneAndTheOtherCallsOnItsConnectionGoOn() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        HttpClient h2 = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false)
                        .setDefaultHost("127.0.0.1").setDefaultPort(GatewayTestResource.publicPort))
                .with(new PoolOptions().setHttp2MaxSize(1))
                .withConnectHandler(connection -> connections.incrementAndGet())
                .build();
        try {
            // a call in flight on the connection: no credentials, so its body is dropped and 401 answered at its end
            HttpClientRequest inFlight = await(h2.request(HttpMethod.POST, PAY));
            inFlight.setChunked(true).putHeader("Content-Type", "application/json");
            await(inFlight.write("{\"order_id\":\""));
            io.vertx.core.Future<HttpClientResponse> inFlightAnswer = inFlight.response();

            // a call refused at once, whose client sends its whole body all the same, gets its answer
            HttpClientRequest sentWhole = await(h2.request(HttpMethod.POST, PAY));
            CompletableFuture<Throwable> sentWholeFailed = new CompletableFuture<>();
            sentWhole.exceptionHandler(sentWholeFailed::complete);
            sentWhole.putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", String.valueOf(13 * MIB));
            await(sentWhole.end(Buffer.buffer(new byte[13 * MIB])));
            assertThat(await(sentWhole.response()).statusCode()).isEqualTo(413);
            assertThat(sentWholeFailed).isNotDone();

            // a call refused while its body arrives, whose client stops sending it: its stream is reset
            HttpClientRequest refused = await(h2.request(HttpMethod.POST, PAY));
            CompletableFuture<Throwable> reset = new CompletableFuture<>();
            refused.exceptionHandler(reset::complete);
            refused.putHeader("Content-Type", "application/json").putHeader("Content-Length", String.valueOf(13 * MIB));
            // read on the event loop as the answer arrives: the client drops a body that arrives before its reader
            io.vertx.core.Future<String> answer = refused.response()
                    .compose(r -> r.body().map(body -> r.statusCode() + " " + body));
            refused.write(Buffer.buffer(new byte[64 * 1024]));
            String tooLarge = await(answer);
            assertThat(tooLarge).startsWith("413 ").contains("\"error_code\":\"APIG.0201\"");
            assertThat(reset.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(StreamResetException.class,
                    e -> assertThat(e.getCode()).as("NO_ERROR").isZero());

            await(inFlight.end("o-1\"}"));
            assertThat(await(inFlightAnswer).statusCode()).isEqualTo(401);
            HttpClientResponse next = await(h2.request(HttpMethod.GET, "/v2/accounts/customer-accounts/balances")
                    .compose(request -> request.send()));
            assertThat(next.statusCode()).isEqualTo(401);
            assertThat(next.version()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(connections).as("connections opened").hasValue(1);
        } finally {
            await(h2.close());
        }
        untilNoneHeld();
    }

    @Test
    void aTokenRequestMayHoldOnlyWhatATokenRequestNeeds() throws Exception {
        SignedHttpClient.Response answer = account("individual").client().send("POST", "/v3/auth/tokens", null,
                Map.of(), orderBody("o-1", 65 * 1024 + 1), Instant.now());
        PublicApiTest.assertApig(answer, 413, "APIG.0201");
        untilNoneHeld();
    }

    /** A connection to the public port whose reads wait at most 30 s. */
    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", GatewayTestResource.publicPort);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** A POST of PayOrders with {@code headers} (each ending in CRLF) and the first bytes of its body. */
    private static byte[] payHead(String headers, String bodyStart) {
        return ("POST " + PAY + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n" + headers + "\r\n"
                + bodyStart).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Headers that name a known access key (whose signature is checked only once the body has arrived). */
    private static String knownKey() {
        return signedBy(account("individual").accessKey());
    }

    private static String signedBy(String accessKey) {
        return "X-Sdk-Date: 20261205T000000Z\r\nAuthorization: SDK-HMAC-SHA256 Access=" + accessKey
                + ", SignedHeaders=host;x-sdk-date, Signature=" + "0".repeat(64) + "\r\n";
    }

    /** {@code {"order_id":"...","pad":["aaa...a",...]}}, {@code size} bytes long: texts within the input gate's. */
    private static byte[] orderBody(String orderId, int size) {
        StringBuilder body = new StringBuilder("{\"order_id\":\"" + orderId + "\",\"pad\":[");
        String text = "\"" + "a".repeat(60_000) + "\",";
        while (size - body.length() > text.length() + 10) {
            body.append(text);
        }
        body.append('"');
        body.append("a".repeat(size - body.length() - 3)).append("\"]}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One answer read from {@code socket}: its head, and its body of the length the head gives. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("an answer before the connection closes: " + head).isNotNegative();
            head.append((char) next);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertThat(length.find()).as(head.toString()).isTrue();
        return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private double dropped() {
        return metrics.get("bss.gateway.request.bodies.dropped").counter().count();
    }

    private double held() {
        return metrics.get("bss.gateway.request.bodies").gauge().value();
    }

    private void untilNoneHeld() throws InterruptedException {
        until(() -> held() == 0, "no request body held");
    }

    /** Waits (at most 10 s) for what the gateway's threads do once the client has its answer, or has gone. */
    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
