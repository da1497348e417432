package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.openbss.gateway.GatewayTestSupport.rootUser;
import static io.openbss.gateway.GatewayTestSupport.setPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X-Auth-Tokens (password and AK/SK), their expiry and revocation; IAM users' policies and their conditions. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class TokensAndPoliciesTest {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final String FEE_RECORDS = "/v2/bills/customer-bills/fee-records";
    static final String PASSWORD = "Tr0ub4dor&3x";

    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPasswordGetsATokenThatAuthenticatesBssCallsUntilItExpires() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String root = rootUser(account);
        setPassword(root, PASSWORD);

        HttpResponse<String> issued = tokenRequest(passwordBody(account.name(), PASSWORD, account.name()), null);
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        JsonPath body = JsonPath.from(issued.body());
        assertThat(body.getList("token.methods")).containsExactly("password");
        assertThat(body.getString("token.user.id")).isEqualTo(root);
        assertThat(body.getString("token.domain.id")).isEqualTo(account.domainId());
        assertThat(body.getString("token.domain.name")).isEqualTo(account.name());
        assertThat(body.getList("token.roles.name")).containsExactly("te_admin");
        Instant expires = Instant.parse(body.getString("token.expires_at"));
        assertThat(Duration.between(Instant.parse(body.getString("token.issued_at")), expires))
                .isEqualTo(Duration.ofHours(24));
        assertThat(issued.body()).doesNotContain(token).doesNotContain(PASSWORD);

        HttpResponse<String> call = withToken("GET", BALANCES, token);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("X-Echo")).hasValue("yes");

        clock.advance(Duration.ofHours(24).minusSeconds(5));
        assertThat(withToken("GET", BALANCES, token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> expired = withToken("GET", BALANCES, token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(expired.body()).getString("error_code")).isEqualTo("APIG.0308");
        assertThat(JsonPath.from(expired.body()).getString("error_msg")).isEqualTo("x_auth_token is expired");
    }

    @Test
    void wrongPasswordsAreRefusedAndLockTheUserAfterFiveFailures() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        setPassword(rootUser(account), PASSWORD);
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> wrong = tokenRequest(passwordBody(account.name(), "Wr0ng-pass" + i, account.name()),
                    null);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(JsonPath.from(wrong.body()).getString("error_code")).isEqualTo("APIG.0301");
            assertThat(wrong.body()).doesNotContain("Wr0ng-pass");
        }
        HttpResponse<String> locked = tokenRequest(passwordBody(account.name(), PASSWORD, account.name()), null);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(locked.body()).getString("error_msg")).contains("locked");
        clock.advance(Duration.ofMinutes(6));
        assertThat(tokenRequest(passwordBody(account.name(), PASSWORD, account.name()), null).statusCode())
                .isEqualTo(201);
        assertThat(tokenRequest(passwordBody("nobody-" + UUID.randomUUID(), PASSWORD, account.name()), null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokensAndTokensOfDisabledUsersStopWorking() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String root = rootUser(account);
        setPassword(root, PASSWORD);
        String first = token(account.name(), account.name());
        String second = token(account.name(), account.name());
        String tokenId = admin().queryParam("user_id", root).get("/admin/v1/tokens").then().statusCode(200)
                .extract().jsonPath().getString("tokens[1].token_id");
        assertThat(admin().get("/admin/v1/tokens?domain_id=" + account.domainId()).then().statusCode(200)
                .extract().asString()).doesNotContain(first).doesNotContain(second);
        admin().delete("/admin/v1/tokens/{id}", tokenId).then().statusCode(204);
        HttpResponse<String> revoked = withToken("GET", BALANCES, first);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(revoked.body()).getString("error_code")).isEqualTo("APIG.0301");
        assertThat(withToken("GET", BALANCES, second).statusCode()).isEqualTo(200);
        admin().delete("/admin/v1/tokens/{id}", tokenId).then().statusCode(400);

        admin().body(Map.of("enabled", false)).put("/admin/v1/users/{id}", root).then().statusCode(200)
                .extract().jsonPath().getInt("revoked_tokens");
        assertThat(withToken("GET", BALANCES, second).statusCode()).isEqualTo(401);
        assertThat(withToken("GET", BALANCES, "MII" + "x".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(withToken("GET", BALANCES, "").body()).getString("error_msg"))
                .contains("x-auth-token not found");
    }

    @Test
    void anAkSkSignedRequestGetsATokenAndASignatureWinsOverAToken() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient.Response issued = account.client().send("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"]}}}".getBytes(StandardCharsets.UTF_8));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.header("X-Subject-Token");
        assertThat(JsonPath.from(issued.body()).getList("token.methods")).containsExactly("hw_ak_sk");
        assertThat(withToken("GET", BALANCES, token).statusCode()).isEqualTo(200);

        // a valid token with a bad signature: the signature decides
        SignedHttpClient.Response badSignature = account.clientWithSecret("not-the-secret").send("GET", BALANCES,
                null, Map.of("X-Auth-Token", token), null, Instant.now());
        assertThat(badSignature.status()).isEqualTo(401);
        // a good signature with a made-up token: the signature decides
        assertThat(account.client().send("GET", BALANCES, null, Map.of("X-Auth-Token", "made-up"), null, Instant.now()).status())
                .isEqualTo(200);
        // hw_ak_sk still needs a valid signature
        assertThat(account.clientWithSecret("not-the-secret").send("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"]}}}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(401);
    }

    /**
     * The official IAM SDK signs its password logins with whatever key its client holds: the password decides who
     * gets the token, the signature (good, bad, or another account's) is ignored, and the login is counted, locked
     * and audited as an unsigned one.
     */
    @Test
    void aSignedPasswordLoginIsAuthenticatedByThePasswordNotTheSignature() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        GatewayTestSupport.Account signer = account("individual");
        String root = rootUser(account);
        setPassword(root, PASSWORD);
        byte[] login = passwordBody(account.name(), PASSWORD, account.name()).getBytes(StandardCharsets.UTF_8);

        String requestId = AuditTestSupport.requestId();
        Instant signedAt = Instant.now();
        SignedHttpClient.Response issued = signer.client().send("POST", "/v3/auth/tokens", null,
                Map.of("X-Request-Id", requestId), login, signedAt);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonPath body = JsonPath.from(issued.body());
        assertThat(body.getList("token.methods")).containsExactly("password");
        assertThat(body.getString("token.user.id")).isEqualTo(root);
        assertThat(body.getString("token.domain.id")).isEqualTo(account.domainId());
        HttpResponse<String> call = withToken("GET", BALANCES, issued.header("X-Subject-Token"));
        assertThat(call.statusCode()).isEqualTo(200);
        JsonPath record = AuditTestSupport.audit(Map.of("request_id", requestId));
        assertThat(record.getLong("total_count")).isEqualTo(1);
        assertThat(record.getString("records[0].domain_id")).isEqualTo(account.domainId());
        assertThat(record.getString("records[0].operation")).isEqualTo("KeystoneCreateToken");
        assertThat(record.getInt("records[0].status")).isEqualTo(201);
        assertThat(record.getString("records[0].access_key")).isNull();

        // the same signature again is no replay: it authenticates nothing
        assertThat(signer.client().send("POST", "/v3/auth/tokens", null, Map.of(), login, signedAt).status())
                .isEqualTo(201);
        // a signature that does not verify is not checked either
        assertThat(signer.clientWithSecret("not-the-secret").send("POST", "/v3/auth/tokens", null, login).status())
                .isEqualTo(201);

        // wrong passwords, signed or not, count towards the same lock; a refused one is filed under no account
        for (int i = 0; i < 6; i++) {
            byte[] wrong = passwordBody(account.name(), "Wr0ng-pass" + i, account.name())
                    .getBytes(StandardCharsets.UTF_8);
            String wrongId = AuditTestSupport.requestId();
            int status = i % 2 == 0
                    ? signer.client().send("POST", "/v3/auth/tokens", null, Map.of("X-Request-Id", wrongId), wrong,
                            Instant.now()).status()
                    : tokenRequest(new String(wrong, StandardCharsets.UTF_8), null).statusCode();
            assertThat(status).isEqualTo(401);
            assertThat(AuditTestSupport.audit(Map.of("request_id", wrongId)).getLong("total_count")).isZero();
        }
        SignedHttpClient.Response locked = signer.client().send("POST", "/v3/auth/tokens", null, login);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(JsonPath.from(locked.body()).getString("error_msg")).contains("locked");
        assertThat(tokenRequest(new String(login, StandardCharsets.UTF_8), null).statusCode()).isEqualTo(401);
        assertBad(signer.client().send("POST", "/v3/auth/tokens", null, ("{\"auth\":{\"identity\":{\"methods\":"
                + "[\"password\"],\"password\":{\"user\":{\"name\":\"u\",\"domain\":{\"name\":\"d\"}}}}}}")
                .getBytes(StandardCharsets.UTF_8)), "auth.identity.password.user.password");
    }

    @Test
    void rotatingAnAccessKeyGivesANewPairAndDisablesTheOldOne() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        assertThat(account.client().send("GET", BALANCES, null, null).status()).isEqualTo(200);
        JsonPath rotated = admin().post("/admin/v1/access-keys/{ak}/rotation", account.accessKey()).then()
                .statusCode(201).extract().jsonPath();
        GatewayTestSupport.Account renewed = new GatewayTestSupport.Account(account.domainId(), account.name(),
                rotated.getString("access_key"), rotated.getString("secret_key"));
        assertThat(renewed.accessKey()).isNotEqualTo(account.accessKey());
        assertThat(account.client().send("GET", BALANCES, null, null).status()).isEqualTo(401);
        assertThat(renewed.client().send("GET", BALANCES, null, null).status()).isEqualTo(200);
        admin().post("/admin/v1/access-keys/{ak}/rotation", "NOSUCHKEY").then().statusCode(400);
    }

    @Test
    void badTokenRequestsNameTheField() throws Exception {
        assertBad(tokenRequest("not json", null), "body");
        assertBad(tokenRequest("{\"auth\":{}}", null), "auth.identity");
        assertBad(tokenRequest("{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}", null), "auth.identity.methods");
        assertBad(tokenRequest("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"name\":\"u\",\"domain\":{\"name\":\"d\"}}}}}}", null), "auth.identity.password.user.password");
        assertBad(tokenRequest("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"name\":\"u\",\"password\":\"p\"}}}}}", null), "auth.identity.password.user.domain");
        assertBad(tokenRequest(passwordBody("u", "p", "d").replace("}}}}}}", "}}}},\"scope\":{\"project\":"
                + "{\"name\":\"cn-north-4\"}}}}"), null), "auth.scope.project");
        HttpResponse<String> none = withToken("GET", BALANCES, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(none.body()).getString("error_code")).isEqualTo("APIG.0301");
    }

    /** Each role against every operation of the table: what it may call goes through, the rest is 403 APIG.0302. */
    @Test
    void everyRoleAgainstEveryOperationGroup() throws Exception {
        GatewayTestSupport.Account account = account("enterprise_master");
        Map<String, Set<String>> expected = Map.of(
                "bss_admin", Set.of("*"),
                "bss_finance", Set.of("balance:*", "bill:*", "transfer:*", "coupon:view", "price:view",
                        "enterprise:view", "order:view"),
                "bss_operator", Set.of("order:*", "renewal:*", "unsubscribe:*", "price:view", "coupon:view",
                        "balance:view"),
                "bss_readonly", Set.of("*:view"));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Set<String>> role : expected.entrySet()) {
            String token = iamUserToken(account, role.getKey(), null);
            for (Operation operation : OperationTable.load().all()) {
                if (operation.action().startsWith("iam:")) {
                    continue;
                }
                String[] action = operation.action().split(":");
                boolean allowed = role.getValue().stream().anyMatch(granted -> granted.equals("*")
                        || granted.equals(action[1] + ":" + action[2]) || granted.equals(action[1] + ":*")
                        || granted.equals("*:" + action[2]));
                String path = operation.path(Collections.nCopies(operation.pathParameters().size(), "x"));
                HttpResponse<String> answer = withToken(operation.method(), path, token);
                boolean refused = answer.statusCode() == 403 && answer.body().contains("APIG.0302");
                if (allowed == refused) {
                    mismatches.add(role.getKey() + " " + operation.name() + ": " + answer.statusCode());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aServiceTypeConditionLimitsAUserToItsServiceTypes() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String token = iamUserToken(account, "bss_finance", List.of("hws.service.type.ec2", "hws.service.type.ebs"));
        assertThat(withToken("GET", FEE_RECORDS + "?bill_cycle=2026-10&service_type_code=hws.service.type.ec2", token)
                .statusCode()).isEqualTo(200);
        for (String outside : List.of(FEE_RECORDS + "?bill_cycle=2026-10&service_type_code=hws.service.type.obs",
                FEE_RECORDS + "?bill_cycle=2026-10")) {
            HttpResponse<String> refused = withToken("GET", outside, token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JsonPath.from(refused.body()).getString("error_code")).isEqualTo("CBC.0151");
        }
        HttpResponse<String> inBody = send("POST", "/v2/bills/ratings/on-demand-resources", token,
                "{\"project_id\":\"p\",\"product_infos\":[{\"id\":\"1\",\"cloud_service_type\":\"hws.service.type.ec2\"},"
                        + "{\"id\":\"2\",\"cloud_service_type\":\"hws.service.type.obs\"}]}");
        assertThat(inBody.statusCode()).isEqualTo(403);
        assertThat(JsonPath.from(inBody.body()).getString("error_code")).isEqualTo("CBC.0151");
        // a policy's action is checked before its condition: no role here allows paying
        HttpResponse<String> pay = send("POST", "/v3/orders/customer-orders/pay", token, "{\"order_id\":\"o\"}");
        assertThat(JsonPath.from(pay.body()).getString("error_code")).isEqualTo("APIG.0302");
    }

    /**
     * The condition reads only the parameter its operation filters by: a decoy parameter the operation ignores widens
     * nothing, and an operation on resources carries the condition to the service, which checks what it touches.
     */
    @Test
    void aDecoyParameterDoesNotSideStepTheServiceTypeCondition() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String finance = iamUserToken(account, "bss_finance", List.of("hws.service.type.ec2"));
        for (String decoy : List.of(FEE_RECORDS + "?bill_cycle=2026-10&cloud_service_type=hws.service.type.ec2",
                FEE_RECORDS + "?bill_cycle=2026-10&service_type=hws.service.type.ec2",
                "/v2/bills/customer-bills/res-fee-records?cycle=2026-10&service_type_code=hws.service.type.ec2")) {
            HttpResponse<String> refused = withToken("GET", decoy, finance);
            assertThat(refused.statusCode()).as(decoy).isEqualTo(403);
            assertThat(JsonPath.from(refused.body()).getString("error_code")).isEqualTo("CBC.0151");
        }
        assertThat(withToken("GET", "/v2/bills/customer-bills/res-fee-records?cycle=2026-10"
                + "&cloud_service_type=hws.service.type.ec2", finance).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v2/bills/customer-bills/res-records/query", finance,
                "{\"cycle\":\"2026-10\",\"service_type_code\":\"hws.service.type.ec2\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/v2/bills/customer-bills/res-records/query", finance,
                "{\"cycle\":\"2026-10\",\"cloud_service_type\":\"hws.service.type.ec2\"}").statusCode())
                .isEqualTo(200);

        String operator = iamUserToken(account, "bss_operator", List.of("hws.service.type.ec2"));
        HttpResponse<String> autoRenew = send("POST", "/v2/orders/subscriptions/resources/autorenew/r-evs-1"
                + "?service_type_code=hws.service.type.ec2", operator, null);
        assertThat(autoRenew.statusCode()).isEqualTo(200);
        JsonWebToken forwarded = PublicApiTest.verified(JsonPath.from(autoRenew.body())
                .getString("headers.authorization").substring("Bearer ".length()), "orders-service");
        assertThat(forwarded.<Object>getClaim("bss_service_types").toString()).contains("hws.service.type.ec2")
                .doesNotContain("ebs");
        HttpResponse<String> balances = withToken("GET", BALANCES + "?service_type_code=hws.service.type.ec2",
                operator);
        assertThat(balances.statusCode()).as("an operation that concerns no service type").isEqualTo(403);
    }

    @Test
    void anUnrestrictedUserCarriesNoConditionToTheService() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String operator = iamUserToken(account, "bss_operator", null);
        HttpResponse<String> autoRenew = send("POST", "/v2/orders/subscriptions/resources/autorenew/r-1", operator,
                null);
        assertThat(autoRenew.statusCode()).isEqualTo(200);
        JsonWebToken forwarded = PublicApiTest.verified(JsonPath.from(autoRenew.body())
                .getString("headers.authorization").substring("Bearer ".length()), "orders-service");
        assertThat(forwarded.containsClaim("bss_service_types")).isFalse();
    }

    @Test
    void badPolicyInputNamesTheParameter() {
        GatewayTestSupport.Account account = account("individual");
        String user = newUser(account);
        admin().body(Map.of("policies", List.of(Map.of("role", "bss_owner")))).put("/admin/v1/users/{id}/policies",
                user).then().statusCode(400).body("error_msg", org.hamcrest.Matchers.containsString("policies.role"));
        admin().body(Map.of("policies", List.of(Map.of("role", "bss_finance", "cloud_service_types", List.of()))))
                .put("/admin/v1/users/{id}/policies", user).then().statusCode(400)
                .body("error_msg", org.hamcrest.Matchers.containsString("cloud_service_types"));
        admin().body(Map.of("policies", List.of(Map.of("role", "bss_admin")))).put("/admin/v1/users/{id}/policies",
                rootUser(account)).then().statusCode(400);
        admin().body(Map.of("password", "short")).put("/admin/v1/users/{id}/password", user).then().statusCode(400)
                .body("error_msg", org.hamcrest.Matchers.containsString("password"));
        admin().body(Map.of("policies", List.of())).put("/admin/v1/users/{id}/policies", "no-such-user").then()
                .statusCode(400);
    }

    private String iamUserToken(GatewayTestSupport.Account account, String role, List<String> serviceTypes)
            throws Exception {
        String user = newUser(account);
        Map<String, Object> policy = serviceTypes == null ? Map.of("role", role)
                : Map.of("role", role, "cloud_service_types", serviceTypes);
        admin().body(Map.of("policies", List.of(policy))).put("/admin/v1/users/{id}/policies", user).then()
                .statusCode(200).body("policies[0].role", org.hamcrest.Matchers.equalTo(role));
        setPassword(user, PASSWORD);
        String name = admin().get("/admin/v1/domains/{id}/users", account.domainId()).then().extract().jsonPath()
                .getString("users.find { it.user_id == '" + user + "' }.name");
        HttpResponse<String> issued = tokenRequest(passwordBody(name, PASSWORD, account.name()), null);
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(JsonPath.from(issued.body()).getList("token.roles.name")).containsExactly(role);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private String token(String user, String domain) throws Exception {
        HttpResponse<String> issued = tokenRequest(passwordBody(user, PASSWORD, domain), null);
        assertThat(issued.statusCode()).isEqualTo(201);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static String newUser(GatewayTestSupport.Account account) {
        return admin().body(Map.of("name", "user-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/admin/v1/domains/{id}/users", account.domainId()).then().statusCode(201).extract()
                .path("user_id");
    }

    private static String passwordBody(String user, String password, String domain) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"password\":\"" + password + "\",\"domain\":{\"name\":\"" + domain + "\"}}}}}}";
    }

    private HttpResponse<String> tokenRequest(String body, String token) throws IOException, InterruptedException {
        return send("POST", "/v3/auth/tokens", token, body);
    }

    private HttpResponse<String> withToken(String method, String path, String token)
            throws IOException, InterruptedException {
        return send(method, path, token, method.equals("GET") || method.equals("DELETE") ? null : "{}");
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + GatewayTestResource.publicPort + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBad(HttpResponse<String> answer, String parameter) {
        assertBad(answer.statusCode(), answer.body(), parameter);
    }

    private static void assertBad(SignedHttpClient.Response answer, String parameter) {
        assertBad(answer.status(), answer.body(), parameter);
    }

    private static void assertBad(int status, String body, String parameter) {
        assertThat(status).isEqualTo(400);
        assertThat(JsonPath.from(body).getString("error_code")).isEqualTo("CBC.0100");
        assertThat(JsonPath.from(body).getString("error_msg")).contains(parameter);
    }
}
