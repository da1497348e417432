package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replays, oversize headers, and secrets that must never reach a log or an answer. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SecurityTest {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSignedRequestReplayedAfterFifteenMinutesIsRefused() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = account.client().request("GET", BALANCES, null, Map.of(), null, clock.instant());
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> replayed = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("APIG.0303");
    }

    @Test
    void oversizeHeadersAreRefusedBeforeAnythingElse() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + GatewayTestResource.publicPort + BALANCES))
                .header("X-Padding", "x".repeat(20 * 1024)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(431);
    }

    @Test
    void secretKeysPasswordsAndTokensNeverReachTheLogOrAnAnswer() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String root = admin().get("/admin/v1/domains/{id}/users", account.domainId()).then().extract().jsonPath()
                .getString("users.find { it.root }.user_id");
        String password = "S3cret-Passw0rd!";
        admin().body(Map.of("password", password)).put("/admin/v1/users/{id}/password", root).then().statusCode(200);
        SignedHttpClient.Response issued = account.client().send("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"]}}}".getBytes());
        String token = issued.header("X-Subject-Token");
        account.clientWithSecret("wrong").send("GET", BALANCES, null, null);
        HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + GatewayTestResource.publicPort + "/v3/auth/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                        + "\"password\":{\"user\":{\"name\":\"" + account.name() + "\",\"password\":\"" + password
                        + "x\",\"domain\":{\"name\":\"" + account.name() + "\"}}}}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain(password);
        assertThat(admin().get("/admin/v1/domains/{id}/access-keys", account.domainId()).then().extract().asString())
                .doesNotContain(account.secretKey());
        assertThat(admin().get("/admin/v1/tokens?domain_id=" + account.domainId()).then().extract().asString())
                .doesNotContain(token);

        String log = Files.readString(Path.of("target/gateway-test.log"));
        assertThat(log).isNotEmpty().doesNotContain(account.secretKey()).doesNotContain(password)
                .doesNotContain(token);
    }
}
