package io.openbss.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.error.BssException;
import io.openbss.common.signing.Rfc3986;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InputGateTest {

    /** Any text without control characters passes as a path value, a query value, a header and a JSON value. */
    @Property(tries = 300)
    void cleanTextPasses(@ForAll("cleanText") String text) {
        assertThatCode(() -> check(text)).doesNotThrowAnyException();
    }

    /** One control character anywhere in a value is refused wherever the value stands, naming its parameter. */
    @Property(tries = 300)
    void aControlCharacterAnywhereIsRefused(@ForAll("cleanText") String text,
            @ForAll @CharRange(from = 0, to = 0x1f) char control, @ForAll @IntRange(max = 40) int at) {
        char bad = control == '\t' || control == '\n' || control == '\r' ? 0x7f : control;
        int position = Math.min(at, text.length());
        String hostile = text.substring(0, position) + bad + text.substring(position);
        String encoded = Rfc3986.encode(hostile);
        assertRefused(() -> InputGate.check(List.of("resource_id"), List.of(encoded), null, List.of(), List.of(),
                Buffer.buffer()), "resource_id");
        assertRefused(() -> InputGate.check(List.of(), List.of(), "a=1&trans_id=" + encoded, List.of(), List.of(),
                Buffer.buffer()), "trans_id");
        assertRefused(() -> InputGate.check(List.of(), List.of(), null, List.of("X-Language"), List.of(hostile),
                Buffer.buffer()), "X-Language");
        assertRefused(() -> InputGate.check(List.of(), List.of(), null, List.of(), List.of(),
                Buffer.buffer(new JsonObject().put("trans_id", hostile).encode())), "trans_id");
    }

    @Test
    void bodiesAreOneJsonValueWithUniqueKeysAndBoundedDepth() {
        assertRefused(() -> body("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}"), "c");
        assertRefused(() -> body("{} {}"), "body");
        assertRefused(() -> body("[".repeat(40) + "]".repeat(40)), "body");
        assertThatCode(() -> body("[".repeat(30) + "]".repeat(30))).doesNotThrowAnyException();
        assertRefused(() -> body("{\"product_infos\":[{\"id\":\"\\u0000\"}]}"), "product_infos[0].id");
        assertThatCode(() -> body("")).doesNotThrowAnyException();
    }

    @Test
    void onlyCanonicalPathsAreRouted() {
        assertThat(InputGate.isCanonicalPath("/v2/orders/customer-orders/details/CS2201")).isTrue();
        for (String path : List.of("/v2/orders/customer-orders/details/..", "/v2/./orders", "/v2/a%2Fb",
                "/v2/%2e%2E", "/v2/a%5cb", "/v2/a\\b", "/v2/x%2E")) {
            assertThat(InputGate.isCanonicalPath(path)).as(path).isFalse();
        }
    }

    /** The gate scans a path once; it decides as splitting it into segments and lower-casing it did. */
    @Property(tries = 3000)
    void aPathIsCanonicalExactlyWhenItsSegmentsAndEncodingsSaySo(@ForAll("paths") String path) {
        assertThat(InputGate.isCanonicalPath(path)).isEqualTo(bySegments(path));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/", ".", "..", "%", "%2", "%2e", "%2E", "%2f", "%2F", "%5c", "%5C", "%5", "2e", "e", "c",
                "\\", "v2", "orders", "a.b", "%25", "%2g", "İ", "K").list().ofMaxSize(10)
                .map(pieces -> String.join("", pieces));
    }

    private static boolean bySegments(String rawPath) {
        if (rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        return !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c");
    }

    @Provide
    Arbitrary<String> cleanText() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\ud7ff')
                .withCharRange('\ue000', '\ufffd').ofMaxLength(40);
    }

    private static void check(String text) {
        String encoded = Rfc3986.encode(text);
        InputGate.check(List.of("order_id"), List.of(encoded), "order_id=" + encoded, List.of("X-Language"),
                List.of(text), Buffer.buffer(new JsonObject().put("order_id", text).encode()));
    }

    private static void body(String json) {
        InputGate.check(List.of(), List.of(), null, List.of(), List.of(), Buffer.buffer(json));
    }

    private static void assertRefused(Runnable check, String parameter) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(BssException.class, e -> {
            assertThat(e.code()).isEqualTo("CBC.0100");
            assertThat(e.getMessage()).contains(parameter);
        });
    }
}
