package io.openbss.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BusinessIdentifiersTest {

    @Test
    void knownKeysAreTakenAtAnyDepthAndNothingElse() {
        BusinessIdentifiers found = BusinessIdentifiers.collector().json(utf8("""
                {"order_id": "o-1", "password": "Secret-123x", "amount": "9.99",
                 "resource_ids": ["r-1", 42, true, null, {"order_id": "inside-array"}, ["nested"]],
                 "new_sub_customer": {"customer_id": "c-1", "trans_id": 7.5, "org_id": false},
                 "coupon_id": {"id": "not-a-value"}, "sub_customer_id": null}""")).build();

        assertThat(found.values()).isEqualTo(Map.of("order_id", List.of("o-1"), "resource_ids", List.of("r-1", "42"),
                "customer_id", List.of("c-1"), "trans_id", List.of("7.5")));
        assertThat(found.truncated()).isFalse();
    }

    @Test
    void valuesAreCappedInNumberAndLengthAndTheCutIsMarked() {
        String many = IntStream.range(0, 150).mapToObj(i -> "\"r-" + i + "\"").collect(Collectors.joining(","));
        BusinessIdentifiers capped = BusinessIdentifiers.collector().json(utf8("{\"resource_ids\":[" + many + "]}"))
                .build();
        assertThat(capped.values().get("resource_ids")).hasSize(BusinessIdentifiers.MAX_VALUES)
                .startsWith("r-0", "r-1").endsWith("r-99");
        assertThat(capped.truncated()).isTrue();

        BusinessIdentifiers cut = BusinessIdentifiers.collector().query("order_id=" + "x".repeat(500)).build();
        assertThat(cut.values().get("order_id")).containsExactly("x".repeat(BusinessIdentifiers.MAX_LENGTH));
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void repeatedValuesAreKeptOnce() {
        BusinessIdentifiers found = BusinessIdentifiers.collector().query("order_id=o-1")
                .json(utf8("{\"order_id\":\"o-1\",\"resource_ids\":[\"r\",\"r\"]}")).build();
        assertThat(found.values()).isEqualTo(Map.of("order_id", List.of("o-1"), "resource_ids", List.of("r")));
    }

    @Test
    void bodyThatIsNotJsonKeepsWhatWasReadBeforeItBroke() {
        assertThat(BusinessIdentifiers.collector().json(utf8("{\"order_id\":\"o-1\", broken")).build().values())
                .isEqualTo(Map.of("order_id", List.of("o-1")));
        assertThat(BusinessIdentifiers.collector().json(utf8("order_id=o-1")).build().values()).isEmpty();
    }

    @Test
    void hugeBodyIsScannedOnlyUpToTheTokenCap() {
        String filler = IntStream.range(0, BusinessIdentifiers.MAX_JSON_TOKENS).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        BusinessIdentifiers found = BusinessIdentifiers.collector()
                .json(utf8("{\"order_id\":\"first\",\"filler\":[" + filler + "],\"trans_id\":\"too-late\"}"))
                .build();
        assertThat(found.values()).isEqualTo(Map.of("order_id", List.of("first")));
        assertThat(found.truncated()).isTrue();
    }

    @Test
    void queryAndPathValuesArePercentDecodedAsTheSignerEncodesThem() {
        BusinessIdentifiers found = BusinessIdentifiers.collector()
                .pathParameters(List.of("resource_id"), List.of("r%3A1"))
                .query("order%5Fid=a%2Fb&limit=10&trans_id=t+1&customer_id=&resource_ids")
                .build();
        assertThat(found.values()).isEqualTo(Map.of("resource_id", List.of("r:1"), "order_id", List.of("a/b"),
                "trans_id", List.of("t+1")));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
