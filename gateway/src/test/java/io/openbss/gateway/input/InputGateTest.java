package io.openbss.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.error.BssException;
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

    /** Any text without control characters passes as a JSON value, a query value and a path value. */
    @Property(tries = 300)
    void cleanTextPasses(@ForAll("cleanText") String text) {
        assertThatCode(() -> InputGate.checkJson(Buffer.buffer(new JsonObject().put("order_id", text).encode())))
                .doesNotThrowAnyException();
        String encoded = io.openbss.common.signing.Rfc3986.encode(text);
        assertThatCode(() -> InputGate.checkQuery("order_id=" + encoded)).doesNotThrowAnyException();
        assertThatCode(() -> InputGate.checkPathParameters(List.of("order_id"), List.of(encoded)))
                .doesNotThrowAnyException();
    }

    /** One control character anywhere in a value is refused wherever the value stands, naming its parameter. */
    @Property(tries = 300)
    void aControlCharacterAnywhereIsRefused(@ForAll("cleanText") String text,
            @ForAll @CharRange(from = 0, to = 0x1f) char control, @ForAll @IntRange(max = 40) int at) {
        if (control == '\t' || control == '\n' || control == '\r') {
            control = 0;
        }
        int position = Math.min(at, text.length());
        String hostile = text.substring(0, position) + control + text.substring(position);
        assertRefused(() -> InputGate.checkJson(Buffer.buffer(new JsonObject().put("trans_id", hostile).encode())),
                "trans_id");
        String encoded = io.openbss.common.signing.Rfc3986.encode(hostile);
        assertRefused(() -> InputGate.checkQuery("a=1&trans_id=" + encoded), "trans_id");
        assertRefused(() -> InputGate.checkPathParameters(List.of("resource_id"), List.of(encoded)), "resource_id");
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksButIdentifiersDoNot() {
        assertThatCode(() -> InputGate.checkQuery("remark=a%09b%0D%0Ac")).doesNotThrowAnyException();
        assertRefused(() -> InputGate.checkPathParameters(List.of("order_id"), List.of("a%09b")), "order_id");
        assertRefused(() -> InputGate.checkQuery("a%0Ab=1"), "query");
        assertRefused(() -> InputGate.checkHeader("X-Language", "zh_CN\u0000"), "X-Language");
    }

    @Test
    void malformedEscapesAndUtf8AreRefused() {
        for (String value : List.of("%", "%4", "%zz", "%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "é")) {
            assertRefused(() -> InputGate.checkQuery("order_id=" + value), "order_id");
        }
        assertThat(InputGate.decode("p", "%E5%90%8D%2B+")).isEqualTo("名++");
    }

    @Test
    void jsonIsOneValueWithUniqueKeysAndBoundedDepth() {
        assertRefused(() -> InputGate.checkJson(Buffer.buffer("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}")), "c");
        assertRefused(() -> InputGate.checkJson(Buffer.buffer("{} {}")), "body");
        assertRefused(() -> InputGate.checkJson(Buffer.buffer("[".repeat(InputGate.MAX_JSON_DEPTH + 1)
                + "]".repeat(InputGate.MAX_JSON_DEPTH + 1))), "body");
        assertThatCode(() -> InputGate.checkJson(Buffer.buffer("[".repeat(InputGate.MAX_JSON_DEPTH)
                + "]".repeat(InputGate.MAX_JSON_DEPTH)))).doesNotThrowAnyException();
        assertRefused(() -> InputGate.checkJson(Buffer.buffer("{\"product_infos\":[{\"id\":\"\\u0000\"}]}")),
                "product_infos[0].id");
        assertThatCode(() -> InputGate.checkJson(Buffer.buffer(""))).doesNotThrowAnyException();
        assertThatCode(() -> InputGate.checkJson(Buffer.buffer("{\"a\":[1,2.5e3,true,null,\"x\"]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyCanonicalPathsAreRouted() {
        assertThat(InputGate.isCanonicalPath("/v2/orders/customer-orders/details/CS2201")).isTrue();
        for (String path : List.of("/v2/orders/customer-orders/details/..", "/v2/./orders", "/v2/a%2Fb",
                "/v2/%2e%2E", "/v2/a%5cb", "/v2/a\\b", "/v2/x%2E")) {
            assertThat(InputGate.isCanonicalPath(path)).as(path).isFalse();
        }
    }

    @Provide
    Arbitrary<String> cleanText() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\ud7ff')
                .withCharRange('\ue000', '\ufffd').ofMaxLength(40);
    }

    private static void assertRefused(Runnable check, String parameter) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(BssException.class, e -> {
            assertThat(e.code()).isEqualTo("CBC.0100");
            assertThat(e.getMessage()).contains(parameter);
        });
    }
}
