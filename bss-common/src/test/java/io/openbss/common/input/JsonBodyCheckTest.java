package io.openbss.common.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.error.BssException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

    @Test
    void aStringWithAControlCharacterOrAnUnpairedSurrogateIsRefusedNamingItsPath() {
        refused("{\"order_id\":\"a\\u0000b\"}", "Invalid parameter order_id: must not contain control characters");
        refused("{\"product_infos\":[{\"id\":\"x\"},{\"id\":\"\\b\"}]}",
                "Invalid parameter product_infos[1].id: must not contain control characters");
        refused("{\"a\":{\"b\":[\"ok\",\"\\ud800\"]}}", "Invalid parameter a.b[1]: must not contain unpaired surrogates");
        refused("[\"\\u007f\"]", "Invalid parameter body[0]: must not contain control characters");
    }

    @Test
    void aKeyIsTextToo() {
        refused("{\"a\":{\"k\\u0000\":1}}", "Invalid parameter a.k\\u0000: its name must not contain control characters");
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsRefusedNamingIt() {
        refused("{\"order_id\":\"x\",\"order_id\":\"y\"}", "Invalid parameter order_id: is given more than once");
        refused("{\"l\":[{\"id\":1},{\"id\":1,\"id\":2}]}", "Invalid parameter l[1].id: is given more than once");
        assertThatCode(() -> check("{\"a\":{\"id\":1},\"b\":{\"id\":1},\"id\":1}")).doesNotThrowAnyException();
    }

    @Test
    void nullInAnArrayIsRefusedButANullFieldIsNot() {
        refused("{\"permission_ids\":[\"A\",null]}", "Invalid parameter permission_ids[1]: must not be null");
        assertThatCode(() -> check("{\"main_id\":null}")).doesNotThrowAnyException();
    }

    @Test
    void malformedOrEndlesslyNestedJsonIsRefused() {
        refused("not json", "Invalid parameter body: is not valid JSON");
        refused("{\"order_id\":", "Invalid parameter order_id: is not valid JSON");
        refused("[".repeat(10_000), "Invalid parameter body: must be nested at most 32 levels deep");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"order_id\":\"a".getBytes(UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.writeBytes("\"}".getBytes(UTF_8));
        assertThatThrownBy(() -> JsonBodyCheck.check(bytes.toByteArray()))
                .hasMessage("Invalid parameter order_id: is not valid UTF-8");
    }

    @Test
    void whatBindingABodyMayCostIsBounded() {
        String longest = "x".repeat(JsonBodyCheck.MAX_TEXT);
        assertThatCode(() -> check("{\"l\":[{\"spec\":\"" + longest + "\"}]}")).doesNotThrowAnyException();
        refused("{\"l\":[{\"spec\":\"" + longest + "y\"}]}",
                "Invalid parameter l[0].spec: is too long (text at most 65536 characters, a number 1000 digits)");
        refused("{\"n\":" + "9".repeat(1001) + "}",
                "Invalid parameter n: is too long (text at most 65536 characters, a number 1000 digits)");
        refused("{\"" + longest + "y\":1}", "Invalid parameter body: is too long (text at most 65536 characters, a "
                + "number 1000 digits)");
        // tokens: "{", "ids", "[", the values, "]", "}"
        String ids = "{\"ids\":[" + "\"a\",".repeat(JsonBodyCheck.MAX_TOKENS - 5) + "\"a\"]}";
        assertThatCode(() -> check(ids.replaceFirst("\"a\",", ""))).doesNotThrowAnyException();
        refused(ids, "Invalid parameter body: must hold at most 200000 JSON tokens");
    }

    @Test
    void ordinaryBodiesPass() {
        assertThatCode(() -> check("")).doesNotThrowAnyException();
        assertThatCode(() -> check("{\"name\":\"中文 \\ud83d\\ude00\\t\\r\\n\",\"n\":1e400,\"l\":[1,\"a\",{}]}"))
                .doesNotThrowAnyException();
    }

    @Test
    void theInterceptorBindsTheBodyItCheckedAndHoldsItToItsDeclaredLength() throws Exception {
        byte[] body = "{\"ids\":[\"a\",\"b\"]}".getBytes(UTF_8);
        for (String declared : new String[] {String.valueOf(body.length), null, "not a number"}) {
            assertThat(intercept(body, declared)).as("Content-Length %s", declared).isEqualTo(body);
        }
        for (int declared : new int[] {body.length - 1, body.length + 1, 0}) {
            assertThatThrownBy(() -> intercept(body, String.valueOf(declared))).isInstanceOf(BssException.class)
                    .hasMessage("Invalid parameter body: must be as long as its Content-Length");
        }
        assertThatThrownBy(() -> intercept("{\"a\":1,\"a\":2}".getBytes(UTF_8), null))
                .hasMessage("Invalid parameter a: is given more than once");
    }

    /** What binding reads after the interceptor, given a JSON body with that Content-Length header (or none). */
    private static byte[] intercept(byte[] body, String contentLength) throws Exception {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        if (contentLength != null) {
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, contentLength);
        }
        InputStream[] stream = {new ByteArrayInputStream(body)};
        ReaderInterceptorContext context = (ReaderInterceptorContext) Proxy.newProxyInstance(
                ReaderInterceptorContext.class.getClassLoader(), new Class<?>[] {ReaderInterceptorContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMediaType" -> MediaType.APPLICATION_JSON_TYPE;
                    case "getHeaders" -> headers;
                    case "getInputStream" -> stream[0];
                    case "setInputStream" -> stream[0] = (InputStream) args[0];
                    case "proceed" -> stream[0].readAllBytes();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (byte[]) new JsonBodyCheck().aroundReadFrom(context);
    }

    private static void refused(String body, String message) {
        assertThatThrownBy(() -> check(body)).isInstanceOf(BssException.class).hasMessage(message);
    }

    private static void check(String body) throws Exception {
        JsonBodyCheck.check(body.getBytes(UTF_8));
    }
}
