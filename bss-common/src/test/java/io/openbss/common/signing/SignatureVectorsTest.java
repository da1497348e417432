package io.openbss.common.signing;

import io.openbss.common.hash.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four requests of shared/api/signing.md, sent by huaweicloud-sdk-bss 3.1.170. */
class SignatureVectorsTest {

    static final String AK = "FAKEAKEXAMPLE0000001";
    static final String SK = "fakeSecretKeyExample0000000000000000000001";
    static final String DOMAIN = "0123456789abcdef0123456789abcdef";
    static final String USER_AGENT = "huaweicloud-usdk-java/3.0; os/Linux#6.18.44-fc-v769#amd64 java/Debian#17.0.15"
            + " vm/OpenJDK_64-Bit_Server_VM#17.0.15+6-Debian-1deb12u1; app/a1764b3c-b97a-4e7b-ba56-8e1d47d7517b";

    final SignatureVerifier verifier = new SignatureVerifier(SignatureVerifier.DEFAULT_MAX_SKEW);

    @Test
    void listCustomerOrdersVectorVerifies() {
        RequestParts request = request("GET", "/v2/orders/customer-orders",
                "offset=0&create_time_begin=2024-01-01T00%3A00%3A00Z&limit=10&order_id=CS2001011234ABCDE"
                        + "&create_time_end=2024-02-01T00%3A00%3A00Z&status=2",
                "20261123T153955Z", null, null);
        verify(request, "host;user-agent;x-domain-id;x-sdk-date",
                "376e8e20ba0ee02961b35ffaddeeef708b72e54d4410a42b9ae5d8d8c67438a2");
    }

    @Test
    void canonicalRequestOfFirstVectorIsTheDocumentedOne() {
        RequestParts request = request("GET", "/v2/orders/customer-orders",
                "offset=0&create_time_begin=2024-01-01T00%3A00%3A00Z&limit=10&order_id=CS2001011234ABCDE"
                        + "&create_time_end=2024-02-01T00%3A00%3A00Z&status=2",
                "20261123T153955Z", null, null);
        String canonical = CanonicalRequest.of(request,
                AuthorizationHeader.parse(authorization("host;user-agent;x-domain-id;x-sdk-date", "00")).signedHeaders(),
                Sha256.hex(new byte[0]));
        assertThat(canonical).isEqualTo("GET\n/v2/orders/customer-orders/\n"
                + "create_time_begin=2024-01-01T00%3A00%3A00Z&create_time_end=2024-02-01T00%3A00%3A00Z&limit=10"
                + "&offset=0&order_id=CS2001011234ABCDE&status=2\n"
                + "host:127.0.0.1:18080\nuser-agent:" + USER_AGENT + "\nx-domain-id:" + DOMAIN
                + "\nx-sdk-date:20261123T153955Z\n\nhost;user-agent;x-domain-id;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void balancesVectorVerifies() {
        verify(request("GET", "/v2/accounts/customer-accounts/balances", null, "20261123T153956Z", null, null),
                "host;user-agent;x-domain-id;x-sdk-date",
                "436596b047d1c028ab6ad9fe3ebaee55d4d034b2db4b61eb605a0341bc20ec98");
    }

    @Test
    void transferAmountVectorWithBodyVerifies() {
        String body = "{\"customer_id\":\"sub-customer-id-001\",\"amount\":\"12.50\",\"trans_id\":\"trans-0001\"}";
        verify(request("POST", "/v2/enterprises/multi-accounts/transfer-amount", null, "20261123T153956Z", null,
                        body),
                "host;user-agent;x-domain-id;x-sdk-date",
                "dc3c5c8469845246b5cc8fdc6cee9605b0fae9d886170a9ac6889ab23542795b");
    }

    @Test
    void orderDetailsVectorWithLanguageHeaderVerifies() {
        verify(request("GET", "/v2/orders/customer-orders/details/CS2001011234ABCDE", null, "20261123T153956Z",
                        "en_US", null),
                "host;user-agent;x-domain-id;x-language;x-sdk-date",
                "798d4fff9216d5191dff3dadf38b283faf92580bde36ac1ea14c7551363f8e60");
    }

    @Test
    void ourSignerProducesTheSdkSignatureForTheSameRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:18080");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Domain-Id", DOMAIN);
        headers.put("Content-Type", "application/json");
        Map<String, String> added = new SdkSigner(AK, SK).sign("GET", "/v2/accounts/customer-accounts/balances", null,
                headers, new byte[0], Instant.parse("2026-11-23T15:39:56Z"));
        assertThat(added).containsEntry("X-Sdk-Date", "20261123T153956Z");
        assertThat(added.get("Authorization")).isEqualTo(authorization("host;user-agent;x-domain-id;x-sdk-date",
                "436596b047d1c028ab6ad9fe3ebaee55d4d034b2db4b61eb605a0341bc20ec98"));
    }

    @Test
    void vectorIsRefusedSixteenMinutesLater() {
        RequestParts request = request("GET", "/v2/accounts/customer-accounts/balances", null, "20261123T153956Z",
                null, null);
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization("host;user-agent;x-domain-id;x-sdk-date",
                "436596b047d1c028ab6ad9fe3ebaee55d4d034b2db4b61eb605a0341bc20ec98"));
        Instant signedAt = Instant.parse("2026-11-23T15:39:56Z");
        verifier.verify(request, auth, SK, signedAt.plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> verifier.verify(request, auth, SK, signedAt.plus(Duration.ofMinutes(16))))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.DATE_SKEWED));
        assertThatThrownBy(() -> verifier.verify(request, auth, SK, signedAt.minus(Duration.ofMinutes(16))))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.DATE_SKEWED));
    }

    @Test
    void wrongSecretKeyIsAMismatch() {
        RequestParts request = request("GET", "/v2/accounts/customer-accounts/balances", null, "20261123T153956Z",
                null, null);
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization("host;user-agent;x-domain-id;x-sdk-date",
                "436596b047d1c028ab6ad9fe3ebaee55d4d034b2db4b61eb605a0341bc20ec98"));
        assertThatThrownBy(() -> verifier.verify(request, auth, SK + "x", Instant.parse("2026-11-23T15:40:00Z")))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MISMATCH));
    }

    @Test
    void malformedAuthorizationHeadersAreRefused() {
        for (String header : new String[] {"SDK-HMAC-SHA256 Access=AK", "SDK-HMAC-SHA256 ", "Basic abc",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature=ab",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab, Extra=1"}) {
            assertThatThrownBy(() -> AuthorizationHeader.parse(header)).isInstanceOf(SignatureException.class);
        }
    }

    private void verify(RequestParts request, String signedHeaders, String signature) {
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization(signedHeaders, signature));
        assertThat(auth.accessKey()).isEqualTo(AK);
        verifier.verify(request, auth, SK, SdkSignature.parseDate(request.header("X-Sdk-Date")).plusSeconds(3));
    }

    static String authorization(String signedHeaders, String signature) {
        return "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    static RequestParts request(String method, String path, String query, String date, String language, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Domain-Id", DOMAIN);
        headers.put("User-Agent", USER_AGENT);
        headers.put("Host", "127.0.0.1:18080");
        if (language != null) {
            headers.put("X-Language", language);
        }
        headers.put("X-Sdk-Date", date);
        headers.put("Content-Type", body == null ? "application/json" : "application/json; charset=utf-8");
        return new RequestParts(method, path, query, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
