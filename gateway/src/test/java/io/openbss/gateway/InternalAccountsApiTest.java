package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.gateway.identity.PasswordHasher;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class InternalAccountsApiTest {

    static final String PATH = "/internal/v1/domains";
    static final String PASSWORD = "Secret-123x";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    Pool pool;

    @Inject
    PasswordHasher passwords;

    @TestHTTPResource(PATH)
    URL internalDomains;

    String master;
    String masterPhone;

    @BeforeEach
    void enterpriseMasterWithAPhone() {
        masterPhone = phone();
        master = masterAccount(masterPhone);
    }

    @Test
    void createsTheAccountWithItsRootUserAndPhone() {
        Map<String, Object> request = request();
        JsonPath created = create(request).statusCode(201)
                .body("name", equalTo(request.get("name")))
                .body("kind", equalTo("enterprise_sub"))
                .body("mobile_phone", equalTo(request.get("mobile_phone")))
                .body("domain_id", matchesPattern("[0-9a-f]{32}"))
                .body("$", not(hasKey("replayed")))
                .body("$", not(hasKey("password")))
                .extract().jsonPath();
        assertThat(Instant.parse(created.getString("created_at"))).isBetween(Instant.now().minusSeconds(60),
                Instant.now());
        String domainId = created.getString("domain_id");
        admin().get("/admin/v1/domains/{id}", domainId).then().statusCode(200)
                .body("kind", equalTo("enterprise_sub"))
                .body("mobile_phone", equalTo(request.get("mobile_phone")));
        admin().get("/admin/v1/domains/{id}/users", domainId).then().statusCode(200)
                .body("users.size()", equalTo(1))
                .body("users[0].root", equalTo(true))
                .body("users[0].name", equalTo(request.get("name")));
    }

    @Test
    void rootUserKeepsOnlyABcryptHashOfThePassword() {
        String domainId = create(request()).statusCode(201).extract().path("domain_id");
        Row root = pool.preparedQuery("SELECT password_hash FROM iam_user WHERE domain_id = $1 AND root")
                .execute(Tuple.of(domainId)).await().indefinitely().iterator().next();
        String hash = root.getString("password_hash");
        assertThat(hash).startsWith("$2a$10$").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches("Secret-123y", hash)).isFalse();
    }

    @Test
    void newAccountGetsAccessKeysThroughTheAdminApiAndSignsRequests() throws Exception {
        Map<String, Object> request = request();
        String domainId = create(request).statusCode(201).extract().path("domain_id");
        JsonPath key = admin().body("{}").post("/admin/v1/domains/{id}/access-keys", domainId).then()
                .statusCode(201).extract().jsonPath();
        assertThat(key.getString("domain_id")).isEqualTo(domainId);
        GatewayTestSupport.Account account = new GatewayTestSupport.Account(domainId, (String) request.get("name"),
                key.getString("access_key"), key.getString("secret_key"));
        SignedHttpClient.Response response = account.client().send("GET", PublicApiTest.BALANCES, null, null);
        assertThat(response.status()).isEqualTo(200);
        String token = JsonPath.from(response.body()).getString("headers.authorization").substring("Bearer ".length());
        assertThat(PublicApiTest.verified(token, "billing-service").<String>getClaim("bss_kind"))
                .isEqualTo("enterprise_sub");
    }

    @Test
    void replayWithoutPasswordReturnsTheFirstResultAndCreatesNothing() {
        Map<String, Object> request = request();
        JsonPath first = create(request).statusCode(201).extract().jsonPath();
        request.remove("password");
        JsonPath replay = create(request).statusCode(201).body("replayed", equalTo(true)).extract().jsonPath();
        assertSameAccount(replay, first);
        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then().statusCode(200)
                .body("domains.size()", equalTo(1));
    }

    @Test
    void replayWithPasswordReturnsTheFirstResult() {
        Map<String, Object> request = request();
        JsonPath first = create(request).statusCode(201).extract().jsonPath();
        JsonPath replay = create(request).statusCode(201).body("replayed", equalTo(true)).extract().jsonPath();
        assertSameAccount(replay, first);
    }

    @Test
    void sameKeyForADifferentRequestIsRefused() {
        Map<String, Object> request = request();
        create(request).statusCode(201);
        for (Map.Entry<String, Object> change : List.of(Map.entry("name", (Object) name()),
                Map.entry("mobile_phone", (Object) phone()), Map.entry("kind", (Object) "enterprise_master"),
                Map.entry("master_domain_id", (Object) masterAccount(null)),
                Map.entry("use_master_mobile_phone", (Object) true))) {
            Map<String, Object> different = new HashMap<>(request);
            different.put(change.getKey(), change.getValue());
            refused(create(different), "CBC.0100", "idempotency_key was used for a different request");
        }
        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then()
                .body("domains.size()", equalTo(1));
    }

    @Test
    void newKeyNeedsAPassword() {
        Map<String, Object> request = request();
        request.remove("password");
        refused(create(request), "CBC.0100", "password");
        request.put("password", null);
        refused(create(request), "CBC.0100", "password");
        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then()
                .body("domains.size()", equalTo(0));
    }

    @Test
    void idempotencyKeyIsRequiredAndAtMost128Characters() {
        Map<String, Object> request = request();
        request.remove("idempotency_key");
        refused(create(request), "CBC.0100", "idempotency_key");
        request.put("idempotency_key", "k".repeat(129));
        refused(create(request), "CBC.0100", "idempotency_key");
        request.put("idempotency_key", "k" + UUID.randomUUID().toString().replace("-", "").repeat(4).substring(0, 127));
        create(request).statusCode(201);
    }

    @Test
    void accountNamesFollowHuaweiRules() {
        for (String bad : new String[] {"abcd", "1abcde", "_abcde", "abc.def", "abc def", "a".repeat(33),
                "名字名字名字"}) {
            Map<String, Object> request = request();
            request.put("name", bad);
            refused(create(request), "CBC.99000031", "Invalid DomainName");
        }
        Map<String, Object> request = request();
        request.remove("name");
        refused(create(request), "CBC.99000031", "Invalid DomainName");

        for (String good : new String[] {"a" + random(4), "Z" + random(31), "a-" + random(4) + "_x"}) {
            Map<String, Object> ok = request();
            ok.put("name", good);
            create(ok).statusCode(201).body("name", equalTo(good));
        }
    }

    @Test
    void existingAccountNameIsRefused() {
        String taken = name();
        admin().body(Map.of("name", taken, "kind", "individual")).post("/admin/v1/domains").then().statusCode(201);
        Map<String, Object> request = request();
        request.put("name", taken);
        refused(create(request), "CBC.99000031", "already exists");
    }

    @Test
    void passwordsFollowHuaweiRules() {
        for (String bad : new String[] {"Ab1!xyz", "Ab1!" + "x".repeat(29), "abcdefghij", "ABCDEFGHIJ", "1234567890",
                "Abcdefg 12", "Abcdefg1\u00e9"}) {
            Map<String, Object> request = request();
            request.put("password", bad);
            refused(create(request), "CBC.99000036", "password").body("error_msg", not(containsString(bad)));
        }
        Map<String, Object> containsName = request();
        containsName.put("password", "x1" + ((String) containsName.get("name")).toUpperCase());
        refused(create(containsName), "CBC.99000036", "account name");
        Map<String, Object> containsReversed = request();
        containsReversed.put("password", "x1" + new StringBuilder((String) containsReversed.get("name")).reverse());
        refused(create(containsReversed), "CBC.99000036", "account name");

        Map<String, Object> twoClasses = request();
        twoClasses.put("password", "abcdefg1");
        create(twoClasses).statusCode(201);
    }

    @Test
    void ownMobilePhoneIsRequiredWellFormedAndUnbound() {
        Map<String, Object> request = request();
        request.remove("mobile_phone");
        refused(create(request), "CBC.0100", "mobile_phone");
        for (String bad : new String[] {"1234", "12ab5678", "++8613800", "+-8613800", "1".repeat(21), ""}) {
            request.put("mobile_phone", bad);
            refused(create(request), "CBC.0100", "mobile_phone");
        }
        request.put("mobile_phone", masterPhone);
        refused(create(request), "CBC.99000029", "already bound");

        Map<String, Object> first = request();
        create(first).statusCode(201);
        Map<String, Object> second = request();
        second.put("mobile_phone", first.get("mobile_phone"));
        refused(create(second), "CBC.99000029", "already bound");
    }

    @Test
    void reportedPhoneCannotBeBoundUntilTheReportIsWithdrawn() {
        Map<String, Object> request = request();
        String phone = (String) request.get("mobile_phone");
        admin().body(Map.of("reason", "fraud")).put("/admin/v1/reported-contacts/{contact}", phone).then()
                .statusCode(200).body("contact", equalTo(phone)).body("reason", equalTo("fraud"));
        refused(create(request), "CBC.99000051", "reported");
        admin().get("/admin/v1/reported-contacts").then().statusCode(200)
                .body("reported_contacts.contact", hasItem(phone));

        admin().delete("/admin/v1/reported-contacts/{contact}", phone).then().statusCode(204);
        admin().delete("/admin/v1/reported-contacts/{contact}", phone).then().statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        create(request).statusCode(201).body("mobile_phone", equalTo(phone));
    }

    @Test
    void reportedContactsNeedTheAdminToken() {
        given().contentType(ContentType.JSON).body("{}").put("/admin/v1/reported-contacts/{contact}", "+8612345")
                .then().statusCode(401);
        given().header("Authorization", serviceToken()).delete("/admin/v1/reported-contacts/{contact}", "+8612345")
                .then().statusCode(401);
    }

    @Test
    void reportedMasterPhoneCannotBeShared() {
        admin().body("{}").put("/admin/v1/reported-contacts/{contact}", masterPhone).then().statusCode(200);
        refused(create(sharingMasterPhone()), "CBC.99000051", "reported");
    }

    @Test
    void subAccountsShareTheMasterPhoneUpToTheLimit() {
        for (int i = 0; i < 4; i++) {
            create(sharingMasterPhone()).statusCode(201).body("mobile_phone", equalTo(masterPhone));
        }
        refused(create(sharingMasterPhone()), "CBC.99000030", "5 accounts");
        long bound = pool.preparedQuery("SELECT count(*) FROM domain WHERE mobile_phone = $1")
                .execute(Tuple.of(masterPhone)).await().indefinitely().iterator().next().getLong(0);
        assertThat(bound).isEqualTo(5);
    }

    @Test
    void sharingNeedsAMasterWithAPhone() {
        master = masterAccount(null);
        refused(create(sharingMasterPhone()), "CBC.0101", "no mobile phone");
    }

    @Test
    void kindMustBeEnterpriseSub() {
        for (String kind : new String[] {"enterprise_master", "individual", "ENTERPRISE_SUB"}) {
            Map<String, Object> request = request();
            request.put("kind", kind);
            refused(create(request), "CBC.0100", "kind");
        }
        Map<String, Object> request = request();
        request.remove("kind");
        refused(create(request), "CBC.0100", "kind");
    }

    @Test
    void masterMustBeAnExistingEnterpriseMaster() {
        Map<String, Object> request = request();
        request.remove("master_domain_id");
        refused(create(request), "CBC.0101", "master_domain_id");
        request.put("master_domain_id", "0".repeat(32));
        refused(create(request), "CBC.0101", "master_domain_id");
        String individual = admin().body(Map.of("name", name(), "kind", "individual")).post("/admin/v1/domains")
                .then().statusCode(201).extract().path("domain_id");
        request.put("master_domain_id", individual);
        refused(create(request), "CBC.0101", "master_domain_id");
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneAccount() throws Exception {
        Map<String, Object> request = request();
        List<HttpResponse<String>> answers = parallel(IntStream.range(0, 8).mapToObj(i -> request).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        List<JsonPath> bodies = answers.stream().map(answer -> JsonPath.from(answer.body())).toList();
        assertThat(bodies.stream().map(body -> body.getString("domain_id")).distinct()).hasSize(1);
        assertThat(bodies.stream().map(body -> body.getString("created_at")).distinct()).hasSize(1);
        assertThat(bodies.stream().filter(body -> body.get("replayed") == null)).hasSize(1);
        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then()
                .body("domains.size()", equalTo(1));
    }

    @Test
    void concurrentRequestsForTheSameNameCreateOneAccount() throws Exception {
        String name = name();
        List<Map<String, Object>> requests = IntStream.range(0, 8).mapToObj(i -> {
            Map<String, Object> request = request();
            request.put("name", name);
            return request;
        }).toList();
        List<HttpResponse<String>> answers = parallel(requests);

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.statusCode() != 201)).hasSize(7)
                .allSatisfy(answer -> {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                    assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("CBC.99000031");
                });
        admin().queryParam("name", name).get("/admin/v1/domains").then().body("domains.size()", equalTo(1));
    }

    /**
     * The race the name check cannot see: another transaction inserts the name after the check and commits first.
     * The test holds that transaction open until the creation waits on the unique index, then commits it.
     */
    @Test
    void nameTakenByAConcurrentTransactionIsRefusedLikeAnExistingName() throws Exception {
        Map<String, Object> request = request();
        SqlConnection rival = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = rival.begin().await().indefinitely();
            rival.preparedQuery("INSERT INTO domain (domain_id, name, kind, enabled, created_at) "
                    + "VALUES ($1, $2, 'individual', true, now())")
                    .execute(Tuple.of(UUID.randomUUID().toString().replace("-", ""), request.get("name")))
                    .await().indefinitely();
            CompletableFuture<HttpResponse<String>> creation = send(request);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waitingInserts() == 0) {
                assertThat(creation).as("creation should wait for the rival's name").isNotDone();
                assertThat(System.nanoTime()).isLessThan(deadline);
            }
            transaction.commit().await().indefinitely();
            HttpResponse<String> answer = creation.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("CBC.99000031");
            assertThat(JsonPath.from(answer.body()).getString("error_msg")).contains("already exists");
        } finally {
            rival.close().await().indefinitely();
        }
        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then()
                .body("domains.size()", equalTo(1)).body("domains[0].kind", equalTo("individual"));
    }

    private long waitingInserts() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query ILIKE 'insert into domain %'").execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    @Test
    void onlyServicesMayCall() throws Exception {
        Map<String, Object> request = request();
        given().contentType(ContentType.JSON).body(request).post(PATH).then().statusCode(401)
                .body("error_code", equalTo("CBC.0151"));
        given().header("Authorization", "Bearer " + GatewayTestResource.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(request).post(PATH).then().statusCode(401);
        given().header("Authorization", InternalKeys.bearer("enterprise-service",
                CallerIdentity.service("enterprise-service"))).contentType(ContentType.JSON).body(request).post(PATH)
                .then().statusCode(401);
        String expired = InternalToken.issue(CallerIdentity.service("enterprise-service"), "gateway",
                Duration.ofMinutes(5), KeyUtils.decodePrivateKey(InternalKeys.privateKeyPem()),
                Instant.now().minus(Duration.ofHours(1)));
        given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON).body(request).post(PATH)
                .then().statusCode(401);

        given().header("Authorization", InternalKeys.bearer("gateway", master, CallerKind.ENTERPRISE_MASTER))
                .contentType(ContentType.JSON).body(request).post(PATH).then().statusCode(403)
                .body("error_code", equalTo("CBC.0151"));
        given().header("Authorization", InternalKeys.bearer("gateway", CallerIdentity.operator("admin")))
                .contentType(ContentType.JSON).body(request).post(PATH).then().statusCode(403);

        admin().queryParam("name", request.get("name")).get("/admin/v1/domains").then()
                .body("domains.size()", equalTo(0));
        create(request).statusCode(201);
    }

    @Test
    void internalApiIsNotOnThePublicPort() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort + PATH))
                .header("Authorization", serviceToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(request()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isIn(401, 404);
        assertThat(answer.body()).startsWith("{").contains("APIG.");
    }

    @Test
    void adminCanGiveAnAccountAMobilePhone() {
        String phone = phone();
        admin().body(Map.of("name", name(), "kind", "enterprise_master", "mobile_phone", phone))
                .post("/admin/v1/domains").then().statusCode(201).body("mobile_phone", equalTo(phone));
        admin().body(Map.of("name", name(), "kind", "enterprise_master", "mobile_phone", phone))
                .post("/admin/v1/domains").then().statusCode(400).body("error_code", equalTo("CBC.99000029"));
        admin().body(Map.of("name", name(), "kind", "individual", "mobile_phone", "12x45"))
                .post("/admin/v1/domains").then().statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("mobile_phone"));
        admin().body(Map.of("name", name(), "kind", "individual")).post("/admin/v1/domains").then().statusCode(201)
                .body("$", not(hasKey("mobile_phone")));
    }

    private void assertSameAccount(JsonPath replay, JsonPath first) {
        for (String field : new String[] {"domain_id", "name", "kind", "mobile_phone", "created_at"}) {
            assertThat(replay.getString(field)).as(field).isEqualTo(first.getString(field)).isNotNull();
        }
    }

    private List<HttpResponse<String>> parallel(List<Map<String, Object>> requests) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            sent.add(send(request));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<HttpResponse<String>> send(Map<String, Object> request) throws Exception {
        return HTTP.sendAsync(HttpRequest.newBuilder(internalDomains.toURI())
                .header("Authorization", serviceToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> sharingMasterPhone() {
        Map<String, Object> request = request();
        request.remove("mobile_phone");
        request.put("use_master_mobile_phone", true);
        return request;
    }

    private Map<String, Object> request() {
        Map<String, Object> request = new HashMap<>();
        request.put("idempotency_key", UUID.randomUUID().toString());
        request.put("name", name());
        request.put("kind", "enterprise_sub");
        request.put("mobile_phone", phone());
        request.put("use_master_mobile_phone", false);
        request.put("master_domain_id", master);
        request.put("password", PASSWORD);
        return request;
    }

    private static String masterAccount(String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name(), "kind", "enterprise_master"));
        if (phone != null) {
            body.put("mobile_phone", phone);
        }
        return admin().body(body).post("/admin/v1/domains").then().statusCode(201).extract().path("domain_id");
    }

    private static ValidatableResponse create(Map<String, Object> request) {
        return asService().body(request).post(PATH).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, String code, String message) {
        return response.statusCode(400).body("error_code", equalTo(code)).body("error_msg", containsString(message));
    }

    private static RequestSpecification asService() {
        return given().header("Authorization", serviceToken()).contentType(ContentType.JSON);
    }

    private static String serviceToken() {
        return InternalKeys.bearer("gateway", CallerIdentity.service("enterprise-service"));
    }

    private static String name() {
        return "sub" + random(10);
    }

    private static String phone() {
        return "+86-1" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(ThreadLocalRandom.current().nextInt(36)));
        }
        return out.toString();
    }
}
