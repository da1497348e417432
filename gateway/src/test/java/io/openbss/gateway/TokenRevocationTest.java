package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.openbss.gateway.GatewayTestSupport.rootUser;
import static io.openbss.gateway.GatewayTestSupport.setPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /v3/auth/tokens} (KeystoneRevokeToken): a caller revokes a token of its own user, named in
 * X-Subject-Token, at once and on the audit trail; another user's token is refused and keeps working.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class TokenRevocationTest {

    static final String TOKENS = "/v3/auth/tokens";
    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final String PASSWORD = "Tr0ub4dor&3x";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenRevokesItselfAtOnceAndTheRevocationIsAudited() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String root = rootUser(account);
        setPassword(root, PASSWORD);
        String token = login(account, account.name());
        String other = login(account, account.name());
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", token)).statusCode()).isEqualTo(200);

        String requestId = AuditTestSupport.requestId();
        HttpResponse<String> revoked = call("DELETE", TOKENS, Map.of("X-Auth-Token", token,
                "X-Subject-Token", token, "X-Request-Id", requestId));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();

        HttpResponse<String> after = call("GET", BALANCES, Map.of("X-Auth-Token", token));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(after.body()).getString("error_code")).isEqualTo("APIG.0301");
        assertThat(JsonPath.from(after.body()).getString("error_msg")).contains("revoked");
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", other)).statusCode())
                .as("the user's other token").isEqualTo(200);
        List<String> revokedIds = admin().queryParam("user_id", root).get("/admin/v1/tokens").then().statusCode(200)
                .extract().jsonPath().getList("tokens.findAll { it.revoked }.token_id");
        assertThat(revokedIds).hasSize(1);

        JsonPath record = AuditTestSupport.audit(Map.of("request_id", requestId));
        assertThat(record.getLong("total_count")).isEqualTo(1);
        assertThat(record.getString("records[0].operation")).isEqualTo("KeystoneRevokeToken");
        assertThat(record.getString("records[0].method")).isEqualTo("DELETE");
        assertThat(record.getInt("records[0].status")).isEqualTo(204);
        assertThat(record.getString("records[0].result")).isEqualTo("success");
        assertThat(record.getString("records[0].domain_id")).isEqualTo(account.domainId());
        assertThat(record.getString("records[0].token_id")).as("the caller's token, the one revoked")
                .isEqualTo(revokedIds.getFirst());
        assertThat(record.prettify()).doesNotContain(token);

        // revoked already: Keystone's 404, the same from another token of the user
        HttpResponse<String> again = call("DELETE", TOKENS, Map.of("X-Auth-Token", other, "X-Subject-Token", token));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(JsonPath.from(again.body()).getString("error_code")).isEqualTo("CBC.0100");
        assertThat(JsonPath.from(again.body()).getString("error_msg")).contains("X-Subject-Token");
    }

    @Test
    void anotherUsersTokenIsRefusedAndKeepsWorking() throws Exception {
        GatewayTestSupport.Account account = account("enterprise_master");
        String root = rootUser(account);
        setPassword(root, PASSWORD);
        String rootToken = login(account, account.name());
        String reader = iamUser(account, "bss_readonly");
        String readerToken = login(account, reader);
        GatewayTestSupport.Account stranger = account("individual");
        setPassword(rootUser(stranger), PASSWORD);
        String strangerToken = login(stranger, stranger.name());

        String requestId = AuditTestSupport.requestId();
        HttpResponse<String> byReader = call("DELETE", TOKENS, Map.of("X-Auth-Token", readerToken,
                "X-Subject-Token", rootToken, "X-Request-Id", requestId));
        assertForeign(byReader);
        assertForeign(call("DELETE", TOKENS, Map.of("X-Auth-Token", rootToken, "X-Subject-Token", readerToken)));
        assertForeign(call("DELETE", TOKENS, Map.of("X-Auth-Token", rootToken, "X-Subject-Token", strangerToken)));
        for (String token : List.of(rootToken, readerToken, strangerToken)) {
            assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", token)).statusCode()).isEqualTo(200);
        }
        JsonPath record = AuditTestSupport.audit(Map.of("request_id", requestId));
        assertThat(record.getLong("total_count")).isEqualTo(1);
        assertThat(record.getInt("records[0].status")).isEqualTo(403);
        assertThat(record.getString("records[0].error_code")).isEqualTo("CBC.0150");

        // an IAM user whose only role is a bss one may still revoke its own token
        assertThat(call("DELETE", TOKENS, Map.of("X-Auth-Token", readerToken, "X-Subject-Token", readerToken))
                .statusCode()).isEqualTo(204);
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", readerToken)).statusCode()).isEqualTo(401);
    }

    @Test
    void anAkSkSignedCallerRevokesATokenOfItsOwnUserOnly() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response issued = account.client().send("POST", TOKENS, null,
                "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"]}}}".getBytes(StandardCharsets.UTF_8));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.header("X-Subject-Token");
        AuditTestSupport.IamUser user = AuditTestSupport.iamUser(account);

        SignedHttpClient.Response byOtherUser = user.client().send("DELETE", TOKENS, null,
                Map.of("X-Subject-Token", token), null, Instant.now());
        assertThat(byOtherUser.status()).isEqualTo(403);
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", token)).statusCode()).isEqualTo(200);

        String requestId = AuditTestSupport.requestId();
        SignedHttpClient.Response byOwner = account.client().send("DELETE", TOKENS, null,
                Map.of("X-Subject-Token", token, "X-Request-Id", requestId), null, Instant.now());
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(204);
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", token)).statusCode()).isEqualTo(401);
        JsonPath record = AuditTestSupport.audit(Map.of("request_id", requestId));
        assertThat(record.getString("records[0].operation")).isEqualTo("KeystoneRevokeToken");
        assertThat(record.getString("records[0].access_key")).isEqualTo(account.accessKey());
        assertThat(record.getInt("records[0].status")).isEqualTo(204);
    }

    @Test
    void aRevocationWithoutASubjectTokenOrCredentialsIsRefused() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        setPassword(rootUser(account), PASSWORD);
        String token = login(account, account.name());

        for (Map<String, String> headers : List.of(Map.of("X-Auth-Token", token),
                Map.of("X-Auth-Token", token, "X-Subject-Token", ""))) {
            HttpResponse<String> missing = call("DELETE", TOKENS, headers);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(JsonPath.from(missing.body()).getString("error_code")).isEqualTo("CBC.0100");
            assertThat(JsonPath.from(missing.body()).getString("error_msg")).contains("X-Subject-Token");
        }
        for (String unknown : List.of("MII" + "x".repeat(64), "y".repeat(5000), "'; DROP TABLE auth_token; --")) {
            HttpResponse<String> answer = call("DELETE", TOKENS, Map.of("X-Auth-Token", token,
                    "X-Subject-Token", unknown));
            assertThat(answer.statusCode()).as(unknown).isEqualTo(404);
            assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("CBC.0100");
        }
        HttpResponse<String> anonymous = call("DELETE", TOKENS, Map.of("X-Subject-Token", token));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(anonymous.body()).getString("error_code")).isEqualTo("APIG.0301");
        assertThat(call("GET", BALANCES, Map.of("X-Auth-Token", token)).statusCode()).isEqualTo(200);
    }

    private static void assertForeign(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("CBC.0150");
    }

    /** A new IAM user of the account with one role and the test's password; its name. */
    private static String iamUser(GatewayTestSupport.Account account, String role) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin().body(Map.of("name", name)).post("/admin/v1/domains/{id}/users", account.domainId())
                .then().statusCode(201).extract().path("user_id");
        admin().body(Map.of("policies", List.of(Map.of("role", role)))).put("/admin/v1/users/{id}/policies", userId)
                .then().statusCode(200);
        setPassword(userId, PASSWORD);
        return name;
    }

    private String login(GatewayTestSupport.Account account, String user) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"password\":\"" + PASSWORD + "\",\"domain\":{\"name\":\"" + account.name() + "\"}}}}}}";
        HttpResponse<String> issued = http.send(request("POST", TOKENS, Map.of())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private HttpResponse<String> call(String method, String path, Map<String, String> headers) throws Exception {
        return http.send(request(method, path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + GatewayTestResource.publicPort + path)).header("Content-Type", "application/json");
        new LinkedHashMap<>(headers).forEach(request::header);
        return request;
    }
}
