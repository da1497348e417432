package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.signing.AuthorizationHeader;
import io.openbss.common.signing.RequestParts;
import io.openbss.common.signing.SignatureVerifier;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.upstream.UpstreamApi;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Upstream mode at the gateway: the operator's links (secret never shown), the egress that signs a linked account's
 * call with the link's credential as the SDK does and relays the answer, the upstream quota, and the caller claim
 * that tells services a call goes upstream. The upstream here is the test's echo service, which answers with what it
 * received.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class UpstreamLinkTest {

    static final String UPSTREAM_AK = "UPSTREAMAK0000000001";

    static String echoUrl() {
        return ConfigProvider.getConfig().getValue("bss.gateway.services.billing", String.class);
    }

    static String newSecret() {
        return "Sk" + UUID.randomUUID().toString().replace("-", "") + "Up";
    }

    static JsonPath link(String domainId, String secret, String upstreamDomainId) {
        return admin().body(Map.of("endpoint", echoUrl(), "access_key", UPSTREAM_AK, "secret_key", secret,
                        "upstream_domain_id", upstreamDomainId))
                .put("/admin/v1/domains/{id}/upstream-link", domainId).then().statusCode(200).extract().jsonPath();
    }

    static RequestSpecification egress(String domainId) {
        return given().header("Authorization", InternalKeys.bearer("gateway",
                        CallerIdentity.service("billing-service")))
                .header("X-Bss-Linked-Domain", domainId).contentType("application/json").urlEncodingEnabled(false);
    }

    @Test
    void aLinkedAccountsCallIsSignedWithTheLinkedCredentialAsTheSdkSignsAndAnsweredUnchanged() throws Exception {
        GatewayTestSupport.Account account = GatewayTestSupport.account("enterprise_master");
        String secret = newSecret();
        link(account.domainId(), secret, "up-domain-1");

        String query = "limit=5&order_id=a%2Fb&status=2&status=6";
        Response answer = egress(account.domainId()).header("X-Language", "en_US")
                .get("/internal/upstream/v2/orders/customer-orders?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonPath echoed = answer.jsonPath();
        assertThat(echoed.getString("method")).isEqualTo("GET");
        assertThat(echoed.getString("uri")).isEqualTo("/v2/orders/customer-orders?" + query);
        Map<String, String> headers = echoed.getMap("headers");
        assertThat(headers).containsEntry("x-domain-id", "up-domain-1").containsEntry("x-language", "en_US");
        assertThat(headers).doesNotContainKeys("x-bss-linked-domain");
        AuthorizationHeader authorization = AuthorizationHeader.parse(headers.get("authorization"));
        assertThat(authorization.accessKey()).isEqualTo(UPSTREAM_AK);
        assertThat(authorization.signedHeaders()).contains("host", "x-sdk-date", "x-domain-id");
        verifySignature(echoed, headers, authorization, secret);
        assertThat(verifies(echoed, headers, authorization, newSecret())).isFalse();

        String body = "{\"order_id\":\"CS2612021234ABCDE\",\"use_coupon\":\"NO\"}";
        JsonPath posted = egress(account.domainId()).body(body).post("/internal/upstream/v3/orders/customer-orders/pay")
                .then().statusCode(200).extract().jsonPath();
        assertThat(posted.getString("body")).isEqualTo(body);
        verifySignature(posted, posted.getMap("headers"),
                AuthorizationHeader.parse(posted.<String, String>getMap("headers").get("authorization")), secret);
    }

    @Test
    void theSecretKeyIsNeverAnsweredNorLoggedAndEveryChangeIsAudited() throws Exception {
        GatewayTestSupport.Account account = GatewayTestSupport.account("enterprise_master");
        String first = newSecret();
        JsonPath made = link(account.domainId(), first, "up-domain-2");
        assertThat(made.getString("access_key")).isEqualTo(UPSTREAM_AK);
        assertThat(made.getString("upstream_domain_id")).isEqualTo("up-domain-2");
        String rotated = newSecret();
        JsonPath changed = link(account.domainId(), rotated, "up-domain-2");
        assertThat(changed.getString("created_at")).isEqualTo(made.getString("created_at"));
        String view = admin().get("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(200)
                .extract().asString();
        String list = admin().get("/admin/v1/upstream-links").then().statusCode(200).extract().asString();
        String audit = admin().get("/admin/v1/audit?domain_id={id}", account.domainId()).then()
                .statusCode(200).extract().asString();
        assertThat(audit).contains("LinkUpstreamAccount").contains("up-domain-2");
        Response called = egress(account.domainId()).get("/internal/upstream/v2/orders/customer-orders");
        assertThat(called.statusCode()).isEqualTo(200);
        String log = Files.readString(Path.of("target/gateway-test.log"), StandardCharsets.UTF_8);
        for (String secret : List.of(first, rotated)) {
            assertThat(view).doesNotContain(secret);
            assertThat(list).contains(account.domainId()).doesNotContain(secret);
            assertThat(audit).doesNotContain(secret);
            assertThat(log).doesNotContain(secret);
        }
        // the rotated key signs from now on
        verifySignature(called.jsonPath(), called.jsonPath().getMap("headers"),
                AuthorizationHeader.parse(called.jsonPath().<String, String>getMap("headers").get("authorization")),
                rotated);

        admin().delete("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(204);
        assertThat(admin().get("/admin/v1/audit?domain_id={id}", account.domainId()).then().extract()
                .asString()).contains("UnlinkUpstreamAccount");
        egress(account.domainId()).get("/internal/upstream/v2/orders/customer-orders").then().statusCode(409)
                .body("error_code", equalTo("CBC.0101"));
        admin().delete("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(404);
        admin().get("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(404);
    }

    @Test
    void aBadLinkIsRefusedNamingTheParameterAndChangesNothing() {
        GatewayTestSupport.Account account = GatewayTestSupport.account("enterprise_master");
        Map<String, Map<String, String>> bad = Map.of(
                "endpoint", Map.of("endpoint", "ftp://bss.example.com"),
                "endpoint ", Map.of("endpoint", "https://bss.example.com/v2"),
                "endpoint  ", Map.of("endpoint", "https://user@bss.example.com"),
                "access_key", Map.of("access_key", "AK-with-dash"),
                "secret_key", Map.of("secret_key", "with space"),
                "upstream_domain_id", Map.of("upstream_domain_id", "../x"));
        bad.forEach((parameter, change) -> {
            Map<String, String> body = new TreeMap<>(Map.of("endpoint", "https://bss.example.com", "access_key",
                    UPSTREAM_AK, "secret_key", newSecret(), "upstream_domain_id", "up-domain-3"));
            body.putAll(change);
            admin().body(body).put("/admin/v1/domains/{id}/upstream-link", account.domainId()).then()
                    .statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(parameter.strip()));
        });
        admin().body(Map.of("access_key", UPSTREAM_AK, "upstream_domain_id", "x"))
                .put("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(400)
                .body("error_msg", containsString("secret_key"));
        admin().body(Map.of("access_key", UPSTREAM_AK, "secret_key", newSecret(), "upstream_domain_id", "x"))
                .put("/admin/v1/domains/{id}/upstream-link", "no-such-domain").then().statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        admin().get("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(404);
        // without an endpoint, the link names the public BSS
        admin().body(Map.of("access_key", UPSTREAM_AK, "secret_key", newSecret(), "upstream_domain_id", "x"))
                .put("/admin/v1/domains/{id}/upstream-link", account.domainId()).then().statusCode(200)
                .body("endpoint", equalTo("https://bss.myhuaweicloud.com"));
    }

    @Test
    void onlyServicesMayUseTheEgress() {
        GatewayTestSupport.Account account = GatewayTestSupport.account("enterprise_master");
        link(account.domainId(), newSecret(), "up-domain-4");
        given().header("X-Bss-Linked-Domain", account.domainId()).get("/internal/upstream/v2/orders/customer-orders")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + GatewayTestResource.ADMIN_TOKEN)
                .header("X-Bss-Linked-Domain", account.domainId()).get("/internal/upstream/v2/orders/customer-orders")
                .then().statusCode(401);
        given().header("Authorization", InternalKeys.bearer("gateway", account.domainId(),
                        io.openbss.common.identity.CallerKind.ENTERPRISE_MASTER))
                .header("X-Bss-Linked-Domain", account.domainId()).get("/internal/upstream/v2/orders/customer-orders")
                .then().statusCode(403);
        egress(account.domainId()).get("/internal/upstream/v2/no/such/operation").then().statusCode(404)
                .body("error_code", equalTo("APIG.0101"));
        egress(account.domainId()).get("/internal/upstream/v2/orders/../accounts/customer-accounts/balances").then()
                .statusCode(not(equalTo(200)));
    }

    @Test
    void theUpstreamQuotaIsKeptCallsWaitForItAndBeyondTheWaitGet429Unsent() throws Exception {
        GatewayTestSupport.Account account = GatewayTestSupport.account("enterprise_master");
        link(account.domainId(), newSecret(), "up-domain-quota");
        double before = upstreamCalls("ListCustomerOrders");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> egress(account.domainId()).get("/internal/upstream/v2/orders/customer-orders"), pool));
            }
            List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
            long answered = answers.stream().filter(r -> r.statusCode() == 200).count();
            List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
            // 2 at once, 2 after one window (1.1 s, within the 1.5 s wait); the others could not be sent in time
            assertThat(answered).isEqualTo(4);
            assertThat(refused).hasSize(4);
            refused.forEach(r -> assertThat(r.jsonPath().getString("error_code")).isEqualTo("APIG.0308"));
            refused.forEach(r -> assertThat(r.header(UpstreamApi.HELD_BACK)).as("marked held back").isEqualTo("true"));
            answers.stream().filter(r -> r.statusCode() == 200)
                    .forEach(r -> assertThat(r.header(UpstreamApi.HELD_BACK)).as("sent").isNull());
            assertThat(upstreamCalls("ListCustomerOrders") - before).isEqualTo(4.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void servicesAreToldWhenACallOfALinkedAccountGoesUpstream() throws Exception {
        GatewayTestSupport.Account linked = GatewayTestSupport.account("enterprise_master");
        GatewayTestSupport.Account local = GatewayTestSupport.account("enterprise_master");
        link(linked.domainId(), newSecret(), "up-domain-5");
        assertThat(upstreamClaim(linked.client())).isTrue();
        assertThat(upstreamClaim(local.client())).isFalse();
        admin().delete("/admin/v1/domains/{id}/upstream-link", linked.domainId()).then().statusCode(204);
        assertThat(upstreamClaim(linked.client())).isFalse();
    }

    /** The bss_upstream claim of the internal token the (echo) service got for the caller's call. */
    private static boolean upstreamClaim(SignedHttpClient client) throws Exception {
        SignedHttpClient.Response answer = client.send("GET", "/v2/accounts/customer-accounts/balances", null, null);
        assertThat(answer.status()).isEqualTo(200);
        String bearer = JsonPath.from(answer.body()).getString("headers.authorization").substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]), StandardCharsets.UTF_8);
        return Boolean.TRUE.equals(JsonPath.from(claims).get("bss_upstream"));
    }

    private static double upstreamCalls(String operation) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("bss_upstream_calls_seconds_count{")
                        && line.contains("operation=\"" + operation + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void verifySignature(JsonPath echoed, Map<String, String> headers,
            AuthorizationHeader authorization, String secret) {
        assertThat(verifies(echoed, headers, authorization, secret)).as("signature verifies with the linked SK")
                .isTrue();
    }

    private static boolean verifies(JsonPath echoed, Map<String, String> headers, AuthorizationHeader authorization,
            String secret) {
        String uri = echoed.getString("uri");
        int question = uri.indexOf('?');
        Map<String, String> signed = new TreeMap<>();
        authorization.signedHeaders().forEach(name -> signed.put(name, headers.get(name)));
        RequestParts request = new RequestParts(echoed.getString("method"),
                question < 0 ? uri : uri.substring(0, question), question < 0 ? null : uri.substring(question + 1),
                signed, echoed.getString("body").getBytes(StandardCharsets.UTF_8));
        try {
            new SignatureVerifier(SignatureVerifier.DEFAULT_MAX_SKEW).verify(request, authorization, secret,
                    Instant.now());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
