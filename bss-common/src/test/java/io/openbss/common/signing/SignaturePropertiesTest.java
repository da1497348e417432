package io.openbss.common.signing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sign-then-verify passes for any request a client can send, and any change to what the signature covers makes
 * verification fail.
 */
class SignaturePropertiesTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final List<String> ALPHABET = List.of("a", "Z", "0", "9", "-", "_", ".", "~", " ", "+", "*", "%", "&", "=",
            "?", "/", "#", ":", "@", "!", "$", "'", "(", ")", ",", ";", "\"", "<", ">", "é", "中", "文", "ß", "😀",
            "\u00a0", "[", "]", "{", "}", "|", "^", "`", "\\");

    final SignatureVerifier verifier = new SignatureVerifier(SignatureVerifier.DEFAULT_MAX_SKEW);

    /** A request as the client means it, before encoding for the wire. */
    record Logical(String method, List<String> segments, List<Map.Entry<String, String>> query, String language,
            byte[] body) {

        RequestParts signed(String ak, String sk) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", "gateway.example:18080");
            headers.put("User-Agent", "property-test/1.0");
            headers.put("X-Domain-Id", "0123456789abcdef0123456789abcdef");
            headers.put("Content-Type", "application/json");
            if (language != null) {
                headers.put("X-Language", language);
            }
            String path = rawPath();
            String query = rawQuery();
            headers.putAll(new SdkSigner(ak, sk).sign(method, path, query, headers, body, NOW));
            return new RequestParts(method, path, query, headers, body);
        }

        String rawPath() {
            return "/" + segments.stream().map(Rfc3986::encode).collect(Collectors.joining("/"));
        }

        String rawQuery() {
            return query.isEmpty() ? null : query.stream()
                    .map(e -> Rfc3986.encode(e.getKey()) + "=" + Rfc3986.encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
    }

    @Property(tries = 400)
    void signThenVerifyAlwaysPasses(@ForAll("requests") Logical logical) {
        RequestParts request = logical.signed("AKPROPERTY", "secret-key-for-properties");
        assertThatCode(() -> verifier.verify(request, AuthorizationHeader.parse(request.header("Authorization")),
                "secret-key-for-properties", NOW.plusSeconds(30))).doesNotThrowAnyException();
    }

    @Property(tries = 600)
    void changingAnyCoveredPartFailsVerification(@ForAll("requests") Logical logical,
            @ForAll("mutations") Mutation mutation) {
        RequestParts signed = logical.signed("AKPROPERTY", "secret-key-for-properties");
        RequestParts tampered = mutation.apply(logical, signed);
        assertThatThrownBy(() -> verifier.verify(tampered, AuthorizationHeader.parse(signed.header("Authorization")),
                "secret-key-for-properties", NOW.plusSeconds(30)))
                .isInstanceOf(SignatureException.class);
    }

    /** One change to what the client signed, applied to the request on the wire. */
    record Mutation(int part, int index, String replacement) {

        RequestParts apply(Logical logical, RequestParts signed) {
            Map<String, String> headers = new LinkedHashMap<>(signed.headers());
            return switch (part) {
                case 0 -> new RequestParts(otherMethod(signed.method()), signed.rawPath(), signed.rawQuery(), headers,
                        signed.body());
                case 1 -> {
                    List<String> segments = new ArrayList<>(logical.segments());
                    int i = index % segments.size();
                    segments.set(i, change(segments.get(i)));
                    Logical changed = new Logical(logical.method(), segments, logical.query(), logical.language(),
                            logical.body());
                    yield new RequestParts(signed.method(), changed.rawPath(), signed.rawQuery(), headers,
                            signed.body());
                }
                case 2 -> {
                    List<Map.Entry<String, String>> query = new ArrayList<>(logical.query());
                    if (query.isEmpty()) {
                        query.add(Map.entry("added", replacement));
                    } else {
                        int i = index % query.size();
                        Map.Entry<String, String> e = query.get(i);
                        query.set(i, index % 2 == 0 ? Map.entry(change(e.getKey()), e.getValue())
                                : Map.entry(e.getKey(), change(e.getValue())));
                    }
                    Logical changed = new Logical(logical.method(), logical.segments(), query, logical.language(),
                            logical.body());
                    yield new RequestParts(signed.method(), signed.rawPath(), changed.rawQuery(), headers,
                            signed.body());
                }
                case 3 -> {
                    List<String> names = List.of(signed.header("Authorization").replaceAll(".*SignedHeaders=([^,]*),.*",
                            "$1").split(";"));
                    String name = names.get(index % names.size());
                    headers.put(name, change(headers.get(name)));
                    yield new RequestParts(signed.method(), signed.rawPath(), signed.rawQuery(), headers,
                            signed.body());
                }
                default -> {
                    byte[] body = signed.body().clone();
                    if (body.length == 0) {
                        body = replacement.getBytes(StandardCharsets.UTF_8);
                    } else {
                        body[index % body.length] ^= (byte) (1 + index % 255);
                    }
                    yield new RequestParts(signed.method(), signed.rawPath(), signed.rawQuery(), headers, body);
                }
            };
        }

        /** Replaces one character (code point) of the value, or appends one to an empty value. */
        String change(String value) {
            if (value.isEmpty()) {
                return replacement;
            }
            int[] cps = value.codePoints().toArray();
            int i = index % cps.length;
            String before = new String(cps, 0, i);
            String after = new String(cps, i + 1, cps.length - i - 1);
            String original = new String(cps, i, 1);
            String substitute = original.equals(replacement) ? (original.equals("x") ? "y" : "x") : replacement;
            return before + substitute + after;
        }

        static String otherMethod(String method) {
            return method.equals("GET") ? "POST" : "GET";
        }
    }

    @Provide
    Arbitrary<Logical> requests() {
        Arbitrary<String> text = Arbitraries.of(ALPHABET).list().ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> nonEmpty = Arbitraries.of(ALPHABET).list().ofMinSize(1).ofMaxSize(12)
                .map(l -> String.join("", l));
        Arbitrary<List<String>> segments = nonEmpty.list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<Map.Entry<String, String>>> query = Combinators.combine(
                        Arbitraries.of("limit", "offset", "order_id", "status", "k", "名前", "a b", "x*y"), text)
                .as(Map::entry).list().ofMaxSize(8);
        Arbitrary<String> language = Arbitraries.of("zh_CN", "en_US").injectNull(0.5);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectDuplicates(0.0);
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE"), segments, query, language, body)
                .as(Logical::new);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(ALPHABET)).as(Mutation::new);
    }
}
