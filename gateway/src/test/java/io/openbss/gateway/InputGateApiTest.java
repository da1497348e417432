package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's input gate through the public port: hostile text, JSON and paths are refused with 400 (or 404 for a
 * path that is not canonical) in the documented envelope with a request id, and never reach a service.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class InputGateApiTest {

    static final String ORDERS = "/v2/orders/customer-orders";
    static final String CANCEL = "/v2/orders/customer-orders/cancel";
    static final String DETAILS = "/v2/orders/customer-orders/details/";

    @Test
    void nulInAQueryParameterIsRefusedNamingIt() throws Exception {
        assertBadParameter(send("GET", ORDERS, "limit=10&order_id=%00", null), "order_id");
    }

    @Test
    void otherControlCharactersAndMalformedUtf8InTheQueryAreRefused() throws Exception {
        assertBadParameter(send("GET", ORDERS, "order_id=a%01b", null), "order_id");
        assertBadParameter(send("GET", ORDERS, "order_id=a%7Fb", null), "order_id");
        assertBadParameter(send("GET", ORDERS, "order_id=%C3%28", null), "order_id");
        assertBadParameter(send("GET", ORDERS, "order_id=%FF", null), "order_id");
        assertBadParameter(send("GET", ORDERS, "order%00id=1", null), "order");
    }

    @Test
    void controlCharactersInAPathParameterAreRefusedNamingIt() throws Exception {
        assertBadParameter(send("GET", DETAILS + "o-%00", null, null), "order_id");
        assertBadParameter(send("GET", DETAILS + "o-%1b", null, null), "order_id");
    }

    @Test
    void nulInAJsonValueOrKeyIsRefusedNamingItsPath() throws Exception {
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":\"x\\u0000\"}"), "order_id");
        assertBadParameter(send("POST", "/v2/orders/subscriptions/resources/renew", null,
                "{\"resource_ids\":[\"r-1\",\"r\\u0001\"]}"), "resource_ids[1]");
        assertBadParameter(send("PUT", CANCEL, null, "{\"order\\u0000id\":\"x\"}"), "order");
    }

    @Test
    void freeTextMayHoldTabsAndLineBreaksAndUnicode() throws Exception {
        String body = "{\"order_id\":\"x\",\"remark\":\"line one\\nline\\ttwo \\u540d\\ud83d\\ude00\"}";
        SignedHttpClient.Response response = send("PUT", CANCEL, null, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(JsonPath.from(response.body()).getString("body")).isEqualTo(body);
    }

    @Test
    void duplicateJsonKeysAreRefusedNamingTheKey() throws Exception {
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":\"x\",\"order_id\":\"y\"}"), "order_id");
        assertBadParameter(send("POST", "/v2/orders/subscriptions/resources/renew", null,
                "{\"resource_ids\":[\"r\"],\"x\":{\"a\":1,\"a\":2}}"), "a");
    }

    @Test
    void unpairedSurrogatesAndInvalidUtf8BodiesAreRefused() throws Exception {
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":\"\\ud800\"}"), "order_id");
        byte[] invalid = {'{', '"', 'o', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        assertBadParameter(sendBytes("PUT", CANCEL, invalid), "o");
    }

    @Test
    void deepNestingSeveralValuesAndTrailingGarbageAreRefused() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":" + deep + "}"), "body");
        assertBadParameter(send("PUT", CANCEL, null, deep), "body");
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":\"x\"}{}"), "body");
        assertBadParameter(send("PUT", CANCEL, null, "{\"order_id\":\"x\"} x"), "body");
        assertBadParameter(send("PUT", CANCEL, null, "not json"), "body");
    }

    @Test
    void dotSegmentsAndEncodedSeparatorsAreNoOperation() throws Exception {
        for (String path : new String[] {DETAILS + "..", DETAILS + ".", DETAILS + "%2E%2E", DETAILS + "%2e.",
                DETAILS + "a%2Fb", DETAILS + "a%5Cb", DETAILS + "..%2F..%2Fbalances",
                "/v2/orders/subscriptions/resources/autorenew/%2E%2E", "/v2/orders/customer-orders/./cancel"}) {
            String method = path.contains("autorenew") ? "DELETE" : path.endsWith("cancel") ? "PUT" : "GET";
            SignedHttpClient.Response response = send(method, path, null, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertEnvelope(response, "APIG.0101");
        }
    }

    @Test
    void anOverlongRequestLineIs414InTheEnvelope() throws Exception {
        String answer = raw("GET " + ORDERS + "?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).containsPattern("^HTTP/1\\.[01] 414 ");
        assertRawEnvelope(answer);
    }

    @Test
    void oversizeHeadersAre431InTheEnvelope() throws Exception {
        String answer = raw("GET " + ORDERS + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n");
        assertThat(answer).containsPattern("^HTTP/1\\.[01] 431 ");
        assertRawEnvelope(answer);
    }

    private static void assertBadParameter(SignedHttpClient.Response response, String parameter) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonPath body = assertEnvelope(response, "CBC.0100");
        assertThat(body.getString("error_msg")).contains(parameter).doesNotContain("\u0000");
    }

    /** The documented error envelope, with a request id, and not forwarded to any service. */
    private static JsonPath assertEnvelope(SignedHttpClient.Response response, String code) {
        assertThat(response.header("Content-Type")).startsWith("application/json");
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(GatewayTestResource.FORWARDED).doesNotContain(requestId);
        JsonPath body = JsonPath.from(response.body());
        assertThat(body.getString("error_code")).isEqualTo(code);
        assertThat(body.getString("error_msg")).isNotBlank();
        return body;
    }

    private static void assertRawEnvelope(String answer) {
        String lower = answer.toLowerCase();
        assertThat(lower).contains("x-request-id: ").contains("content-type: application/json");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).contains("\"error_code\":\"APIG.0201\"")
                .contains("\"request_id\":");
    }

    private static SignedHttpClient.Response send(String method, String path, String query, String body)
            throws Exception {
        return sendBytes(method, path, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedHttpClient.Response sendBytes(String method, String path, byte[] body) throws Exception {
        return sendBytes(method, path, null, body);
    }

    private static SignedHttpClient.Response sendBytes(String method, String path, String query, byte[] body)
            throws Exception {
        return account("individual").client().send(method, path, query,
                Map.of("X-Request-Id", "gate-" + UUID.randomUUID()), body, Instant.now());
    }

    /** What the gateway answers to bytes sent as they are, with the connection closed after. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", GatewayTestResource.publicPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
