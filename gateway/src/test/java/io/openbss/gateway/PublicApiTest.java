package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.InternalKeys;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class PublicApiTest {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final String ORDERS = "/v2/orders/customer-orders";
    static final String RENEW = "/v2/orders/subscriptions/resources/renew";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signedRequestIsForwardedWithTheCallerAsAnInternalToken() throws Exception {
        GatewayTestSupport.Account account = account("enterprise_master");
        SignedHttpClient.Response response = account.client().send("GET", ORDERS,
                "limit=10&create_time_begin=2024-01-01T00%3A00%3A00Z&status=5", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(response.header("X-Echo")).isEqualTo("yes");
        JsonPath echoed = JsonPath.from(response.body());
        assertThat(echoed.getString("uri")).isEqualTo(ORDERS + "?limit=10&create_time_begin=2024-01-01T00%3A00%3A00Z&status=5");
        assertThat(echoed.getString("headers.'x-request-id'")).isEqualTo(response.header("X-Request-Id"));
        assertThat(echoed.getString("headers.'x-sdk-date'")).isNull();
        JsonWebToken token = verified(echoed.getString("headers.authorization").substring("Bearer ".length()),
                "orders-service");
        assertThat(token.getSubject()).isEqualTo(account.domainId());
        assertThat(token.<String>getClaim("bss_kind")).isEqualTo("enterprise_master");
        assertThat(token.<String>getClaim("bss_customer_name")).isEqualTo(account.name());
        assertThat(token.getGroups()).containsExactly("customer");
    }

    @Test
    void bodyReachesTheServiceUnchanged() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String body = "{\"resource_ids\":[\"r-1\"],\"name\":\"名字\"}";
        SignedHttpClient.Response response = account.client().send("POST", "/v2/orders/suscriptions/resources/query",
                null, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonPath.from(response.body()).getString("body")).isEqualTo(body);
        assertThat(JsonPath.from(response.body()).getString("method")).isEqualTo("POST");
    }

    @Test
    void clientRequestIdIsKept() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response response = account.client().send("GET", BALANCES, null,
                Map.of("X-Request-Id", "client-chosen-id"), null, Instant.now());
        assertThat(response.header("X-Request-Id")).isEqualTo("client-chosen-id");
    }

    @Test
    void unknownApiIs404() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response response = account.client().send("GET", "/v2/no/such/api", null, null);
        assertApig(response, 404, "APIG.0101");
        assertApig(account.client().send("DELETE", BALANCES, null, null), 404, "APIG.0101");
        assertApig(account.client().send("GET", "/admin/v1/domains", null, null), 404, "APIG.0101");
        assertApig(account.client().send("GET", "/q/health", null, null), 404, "APIG.0101");
    }

    @Test
    void requestWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort + BALANCES)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(response.body()).getString("error_code")).isEqualTo("APIG.0301");
        assertThat(JsonPath.from(response.body()).getString("request_id"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void wrongSecretUnknownKeyAndSkewedDateAreRefused() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response wrongSecret = account.clientWithSecret("not-the-secret").send("GET", BALANCES, null, null);
        assertApig(wrongSecret, 401, "APIG.0301");
        assertThat(JsonPath.from(wrongSecret.body()).getString("error_msg")).endsWith("verify aksk signature fail");

        SignedHttpClient unknown = new SignedHttpClient(URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort),
                "NOSUCHACCESSKEY00000", "secret", account.domainId());
        SignedHttpClient.Response unknownKey = unknown.send("GET", BALANCES, null, null);
        assertApig(unknownKey, 401, "APIG.0301");
        assertThat(JsonPath.from(unknownKey.body()).getString("error_msg")).endsWith("ak not exist");

        assertApig(account.client().send("GET", BALANCES, null, Map.of(), null,
                Instant.now().minus(Duration.ofMinutes(16))), 401, "APIG.0303");
        assertApig(account.client().send("GET", BALANCES, null, Map.of(), null,
                Instant.now().plus(Duration.ofMinutes(16))), 401, "APIG.0303");
        assertThat(account.client().send("GET", BALANCES, null, Map.of(), null,
                Instant.now().minus(Duration.ofMinutes(14))).status()).isEqualTo(200);
    }

    @Test
    void domainIdMustBeTheKeysAccount() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        GatewayTestSupport.Account other = account("individual");
        SignedHttpClient lying = new SignedHttpClient(URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort),
                account.accessKey(), account.secretKey(), other.domainId());
        assertApig(lying.send("GET", BALANCES, null, null), 401, "APIG.0301");
    }

    @Test
    void moreThanFiveConsecutiveFailuresLockTheKeyForFiveMinutes() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        for (int i = 0; i < 6; i++) {
            assertApig(account.clientWithSecret("wrong").send("GET", BALANCES, null, null), 401, "APIG.0301");
        }
        SignedHttpClient.Response locked = account.client().send("GET", BALANCES, null, null);
        assertApig(locked, 401, "APIG.0301");
        assertThat(JsonPath.from(locked.body()).getString("error_msg")).contains("reach the limit");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(account.client().send("GET", BALANCES, null, Map.of(), null, clock.instant()).status())
                .isEqualTo(200);
    }

    @Test
    void fiveFailuresThenSuccessDoNotLock() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        for (int i = 0; i < 5; i++) {
            account.clientWithSecret("wrong").send("GET", BALANCES, null, null);
        }
        assertThat(account.client().send("GET", BALANCES, null, null).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            account.clientWithSecret("wrong").send("GET", BALANCES, null, null);
        }
        assertThat(account.client().send("GET", BALANCES, null, null).status()).isEqualTo(200);
    }

    @Test
    void disabledKeyIsRefusedAtOnce() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        assertThat(account.client().send("GET", BALANCES, null, null).status()).isEqualTo(200);
        admin().body(Map.of("status", "inactive")).put("/admin/v1/access-keys/{ak}", account.accessKey()).then()
                .statusCode(200);
        assertApig(account.client().send("GET", BALANCES, null, null), 401, "APIG.0301");
    }

    @Test
    void callerRulesOfTheOperationTableApply() throws Exception {
        String subCustomers = "/v2/enterprises/multi-accounts/sub-customers";
        for (String kind : new String[] {"individual", "enterprise_sub", "partner"}) {
            SignedHttpClient.Response refused = account(kind).client().send("GET", subCustomers, null, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(JsonPath.from(refused.body()).getString("error_code")).isEqualTo("CBC.0151");
        }
        SignedHttpClient.Response partner = account("partner").client().send("GET", BALANCES, null, null);
        assertThat(partner.status()).isEqualTo(403);
        assertThat(account("partner").client().send("GET", "/v2/products/service-types", null, null).status())
                .isEqualTo(200);
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        byte[] body = new byte[12 * 1024 * 1024 + 1];
        SignedHttpClient.Response response = account.client().send("POST", "/v2/orders/suscriptions/resources/query",
                null, body);
        assertApig(response, 413, "APIG.0201");
    }

    @Test
    void anUnreachableServiceIs503TheCallNotPerformed() throws Exception {
        SignedHttpClient.Response response = account("enterprise_master").client()
                .send("GET", "/v2/enterprises/multi-accounts/sub-customers", null, null);
        assertApig(response, 503, "APIG.0201");
        assertThat(response.body()).contains("not performed");
    }

    @Test
    void aCallThatMayBeRepeatedIsSentAgainWhenItsConnectionBreaksOneThatMayNotIs502() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String once = "cut-once-" + UUID.randomUUID();
        SignedHttpClient.Response paid = account.client().send("POST", "/v3/orders/customer-orders/pay", null,
                ("{\"order_id\":\"" + once + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(GatewayTestResource.CUT.get(once)).hasValue(2);

        String always = "cut-always-" + UUID.randomUUID();
        SignedHttpClient.Response renewed = account.client().send("POST", RENEW, null, ("{\"resource_ids\":[\""
                + always + "\"],\"period_type\":2,\"period_num\":1}").getBytes(StandardCharsets.UTF_8));
        assertApig(renewed, 502, "APIG.0201");
        assertThat(GatewayTestResource.CUT.get(always)).as("a renewal is never sent twice").hasValue(1);
    }

    @Test
    void serviceErrorsPassThrough() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response response = account.client().send("GET",
                "/v2/orders/customer-orders/details/fail", null, null);
        assertThat(response.status()).isEqualTo(500);
    }

    @Test
    void authDomainsNamesTheSigningAccount() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response response = account.client().send("GET", "/v3/auth/domains", null, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(JsonPath.from(response.body()).getString("domains[0].id")).isEqualTo(account.domainId());
        assertThat(JsonPath.from(response.body()).getString("domains[0].name")).isEqualTo(account.name());
    }

    @Test
    void concurrentRequestsAreAllAnswered() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient client = account.client();
        AtomicInteger ok = new AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        if (client.send("GET", BALANCES, "n=" + i, null).status() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ok.get()).isEqualTo(200);
    }

    static void assertApig(SignedHttpClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(JsonPath.from(response.body()).getString("error_code")).isEqualTo(code);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aSignedRequestThatCouldActAgainIsRefusedWhenReplayed() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        byte[] renewal = "{\"resource_ids\":[\"r-1\"],\"period_type\":2,\"period_num\":1,\"is_auto_pay\":1}"
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = account.client().request("POST", RENEW, null, Map.of(), renewal, Instant.now());
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(replayed.body()).getString("error_code")).isEqualTo("APIG.0303");
        assertThat(GatewayTestResource.FORWARDED).doesNotContain(replayed.headers().firstValue("X-Request-Id")
                .orElseThrow());
        // a retry signs again: a later X-Sdk-Date is a new signature
        assertThat(account.client().send("POST", RENEW, null, Map.of(), renewal, Instant.now().plusSeconds(1))
                .status()).isEqualTo(200);
    }

    /** A transfer without its trans_id could move money again; with it, the service answers the first result. */
    @Test
    void aReplayIsServedOnlyWhenItNamesItsIdempotencyKey() throws Exception {
        GatewayTestSupport.Account master = account("enterprise_master");
        String transfer = "/v2/enterprises/multi-accounts/transfer-amount";
        HttpRequest keyed = master.client().request("POST", transfer, null, Map.of(),
                "{\"customer_id\":\"c\",\"amount\":\"1.00\",\"trans_id\":\"t-1\"}".getBytes(
                        StandardCharsets.UTF_8), Instant.now());
        HTTP.send(keyed, HttpResponse.BodyHandlers.ofString());
        assertThat(HTTP.send(keyed, HttpResponse.BodyHandlers.ofString()).statusCode()).as("forwarded again")
                .isNotEqualTo(401);
        HttpRequest unkeyed = master.client().request("POST", transfer, null, Map.of(),
                "{\"customer_id\":\"c\",\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8), Instant.now());
        HTTP.send(unkeyed, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replayed = HTTP.send(unkeyed, HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(replayed.body()).getString("error_code")).isEqualTo("APIG.0303");
    }

    @Test
    void repeatsThatChangeNothingMoreAreServed() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        HttpRequest request = account.client().request("POST", "/v3/orders/customer-orders/pay", null, Map.of(),
                "{\"order_id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), Instant.now());
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void viewsMayBeSentAgain() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        HttpRequest request = account.client().request("GET", BALANCES, null, Map.of(), null, Instant.now());
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    static JsonWebToken verified(String token, String audience) throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(InternalKeys.publicKeyPem()),
                "openbss");
        context.setExpectedAudience(java.util.Set.of(audience));
        return new DefaultJWTParser(context).parse(token);
    }
}
