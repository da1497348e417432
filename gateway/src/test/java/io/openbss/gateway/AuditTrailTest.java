package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the audit trail records of public calls and admin changes, and how it keeps its records. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AuditTrailTest {

    static final String AUTO_RENEW = "/v2/orders/subscriptions/resources/autorenew/";
    static final String PAY = "/v3/orders/customer-orders/pay";
    static final String TRANSFER = "/v2/enterprises/multi-accounts/transfer-amount";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry metrics;

    @Test
    void stateChangingCallLeavesOneRecordOfWhoWhatWhenWhereAndResult() throws Exception {
        GatewayTestSupport.Account account = account("enterprise_master");
        IamUser user = iamUser(account);
        String requestId = requestId();
        String body = "{\"trans_id\":\"t-1\",\"resource_ids\":[\"res-a\",\"res-b\"],\"auto_renew_times\":3,"
                + "\"password\":\"Secret-123x\",\"extension\":{\"customer_id\":\"cust-9\"}}";
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        SignedHttpClient.Response response = user.client().send("POST", AUTO_RENEW + "res-path-1",
                "order_id=ord-q1&note=hello", Map.of("X-Request-Id", requestId),
                body.getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(response.status()).isEqualTo(200);
        JsonPath found = audit(Map.of("request_id", requestId));
        assertThat(found.getLong("total_count")).isEqualTo(1);
        Map<String, Object> record = found.getMap("records[0]");
        assertThat(record).contains(entry("actor", "customer"), entry("domain_id", account.domainId()),
                entry("domain_name", account.name()), entry("user_id", user.userId()),
                entry("user_name", user.name()), entry("access_key", user.accessKey()),
                entry("operation", "AutoRenewalResources"), entry("method", "POST"),
                entry("path", AUTO_RENEW + "res-path-1"), entry("identifiers_truncated", false),
                entry("source_ip", "127.0.0.1"), entry("status", 200), entry("result", "success"),
                entry("request_id", requestId));
        assertThat(record).doesNotContainKeys("token_id", "error_code");
        Map<String, List<String>> identifiers = found.getMap("records[0].identifiers");
        assertThat(identifiers).isEqualTo(Map.of("resource_id", List.of("res-path-1"), "order_id", List.of("ord-q1"),
                "trans_id", List.of("t-1"), "resource_ids", List.of("res-a", "res-b"),
                "customer_id", List.of("cust-9")));
        assertThat(Instant.parse(found.getString("records[0].occurred_at"))).isBetween(before, Instant.now());
        assertThat(found.getInt("records[0].duration_ms")).isNotNegative();
    }

    @Test
    void callOfTheAccountItselfNamesNoUser() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String requestId = requestId();
        account.client().send("PUT", "/v2/orders/customer-orders/cancel", null, Map.of("X-Request-Id", requestId),
                "{\"order_id\":\"ord-1\"}".getBytes(StandardCharsets.UTF_8), Instant.now());

        Map<String, Object> record = audit(Map.of("request_id", requestId)).getMap("records[0]");
        assertThat(record).contains(entry("domain_id", account.domainId()), entry("access_key", account.accessKey()),
                entry("operation", "CancelCustomerOrder"));
        assertThat(record).doesNotContainKeys("user_id", "user_name");
    }

    @Test
    void viewsLeaveNoRecord() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String get = requestId();
        String postedQuery = requestId();
        assertThat(account.client().send("GET", PublicApiTest.BALANCES, null, Map.of("X-Request-Id", get), null,
                Instant.now()).status()).isEqualTo(200);
        assertThat(account.client().send("POST", "/v2/orders/suscriptions/resources/query", null,
                Map.of("X-Request-Id", postedQuery), "{\"resource_ids\":[\"r-1\"]}".getBytes(StandardCharsets.UTF_8),
                Instant.now()).status()).isEqualTo(200);

        assertThat(audit(Map.of("request_id", get)).getLong("total_count")).isZero();
        assertThat(audit(Map.of("request_id", postedQuery)).getLong("total_count")).isZero();
    }

    @Test
    void refusalsOfAKnownAccountAreRecordedWithTheirResult() throws Exception {
        GatewayTestSupport.Account individual = account("individual");
        GatewayTestSupport.Account master = account("enterprise_master");
        byte[] payment = "{\"order_id\":\"ord-7\"}".getBytes(StandardCharsets.UTF_8);
        byte[] transfer = "{\"customer_id\":\"sub-1\",\"amount\":\"1.00\",\"trans_id\":\"t-9\"}"
                .getBytes(StandardCharsets.UTF_8);

        String badSignature = send(individual.clientWithSecret("not-the-secret"), "POST", PAY, payment, 401);
        String callerRule = send(individual.client(), "POST", TRANSFER, payment, 403);
        String serviceRefusal = send(individual.client(), "POST", AUTO_RENEW + "refuse", null, 400);
        String serviceDown = send(master.client(), "POST", TRANSFER, transfer, 502);

        assertRecorded(badSignature, individual, "PayOrders", 401, "APIG.0301");
        assertThat(audit(Map.of("request_id", badSignature)).getList("records[0].identifiers.order_id"))
                .containsExactly("ord-7");
        assertRecorded(callerRule, individual, "UpdateSubEnterpriseAmount", 403, "CBC.0151");
        assertRecorded(serviceRefusal, individual, "AutoRenewalResources", 400, GatewayTestResource.REFUSAL_CODE);
        assertRecorded(serviceDown, master, "UpdateSubEnterpriseAmount", 502, "APIG.0201");
        Map<String, List<String>> transferred = audit(Map.of("request_id", serviceDown))
                .getMap("records[0].identifiers");
        assertThat(transferred).isEqualTo(Map.of("customer_id", List.of("sub-1"), "trans_id", List.of("t-9")));

        admin().body(Map.of("status", "inactive")).put("/admin/v1/access-keys/{ak}", individual.accessKey()).then()
                .statusCode(200);
        String disabledKey = send(individual.client(), "POST", PAY, payment, 401);
        assertRecorded(disabledKey, individual, "PayOrders", 401, "APIG.0301");
    }

    @Test
    void callsNamingNoKnownAccessKeyAreNotRecorded() throws Exception {
        SignedHttpClient unknown = new SignedHttpClient(publicEndpoint(), "NOSUCHACCESSKEY00000", "secret", null);
        String unknownKey = send(unknown, "POST", PAY, "{\"order_id\":\"o\"}".getBytes(StandardCharsets.UTF_8),
                401);
        String anonymous = requestId();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                publicEndpoint().resolve(PAY)).header("X-Request-Id", anonymous)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);

        assertThat(audit(Map.of("request_id", unknownKey)).getLong("total_count")).isZero();
        assertThat(audit(Map.of("request_id", anonymous)).getLong("total_count")).isZero();
    }

    @Test
    void adminChangesAreRecordedWithTheAdminAsActor() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = admin().body(Map.of("name", name, "kind", "enterprise_master")).post("/admin/v1/domains");
        String domainId = created.then().statusCode(201).extract().path("domain_id");
        String userId = admin().body(Map.of("name", "ops-user")).post("/admin/v1/domains/{id}/users", domainId)
                .then().statusCode(201).extract().path("user_id");
        String accessKey = admin().body(Map.of("user_id", userId))
                .post("/admin/v1/domains/{id}/access-keys", domainId).then().statusCode(201).extract()
                .path("access_key");
        admin().body(Map.of("status", "inactive")).put("/admin/v1/access-keys/{ak}", accessKey).then()
                .statusCode(200);
        Response enabled = admin().body(Map.of("status", "active")).put("/admin/v1/access-keys/{ak}", accessKey);
        enabled.then().statusCode(200);

        Map<String, Object> creation = audit(Map.of("request_id", created.header("X-Request-Id")))
                .getMap("records[0]");
        assertThat(creation).contains(entry("actor", "admin"), entry("operation", "CreateDomain"),
                entry("domain_id", domainId), entry("domain_name", name), entry("method", "POST"),
                entry("path", "/admin/v1/domains"), entry("source_ip", "127.0.0.1"), entry("status", 201));
        JsonPath keyHistory = audit(Map.of("access_key", accessKey));
        assertThat(keyHistory.getList("records.operation"))
                .containsExactly("EnableAccessKey", "DisableAccessKey", "CreateAccessKey");
        assertThat(keyHistory.getList("records.user_id")).containsOnly(userId);
        assertThat(keyHistory.getList("records.domain_id")).containsOnly(domainId);
        assertThat(keyHistory.getString("records[0].request_id")).isEqualTo(enabled.header("X-Request-Id"));
        assertThat(audit(Map.of("user_id", userId, "operation", "CreateUser")).getString("records[0].user_name"))
                .isEqualTo("ops-user");
    }

    @Test
    void contactReportsAndServiceCallsByTheAdminAreRecorded() {
        String phone = "+8613" + (100_000_000 + (int) (Math.random() * 899_999_999));
        admin().body("{}").put("/admin/v1/reported-contacts/{contact}", phone).then().statusCode(200);
        admin().delete("/admin/v1/reported-contacts/{contact}", phone).then().statusCode(204);
        assertThat(audit(Map.of("resource_id", phone)).getList("records.operation"))
                .containsExactly("WithdrawContactReport", "ReportContact");

        String recharge = requestId();
        admin().header("X-Request-Id", recharge).body("{\"customer_id\":\"cust-r\",\"amount\":\"5.00\"}")
                .post("/admin/v1/services/billing/v1/ledger/recharges").then().statusCode(200);
        String read = requestId();
        admin().header("X-Request-Id", read).get("/admin/v1/services/billing/v1/ledger/accounts").then()
                .statusCode(200);
        JsonPath call = audit(Map.of("request_id", recharge));
        assertThat(call.getString("records[0].operation")).isEqualTo("CallServiceApi");
        assertThat(call.getString("records[0].path")).isEqualTo("/admin/v1/services/billing/v1/ledger/recharges");
        assertThat(call.getList("records[0].identifiers.customer_id")).containsExactly("cust-r");
        assertThat(audit(Map.of("request_id", read)).getLong("total_count")).isZero();
    }

    @Test
    void refusedAdminInputChangesNothingAndIsNotRecorded() {
        String requestId = requestId();
        admin().header("X-Request-Id", requestId).body(Map.of("name", "goodname", "kind", "emperor"))
                .post("/admin/v1/domains").then().statusCode(400);
        assertThat(audit(Map.of("request_id", requestId)).getLong("total_count")).isZero();
    }

    @Test
    void recordsCannotBeUpdatedDeletedOrTruncated() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-1\"}".getBytes(
                StandardCharsets.UTF_8), 200);

        for (String rewrite : List.of("UPDATE audit_record SET status = 500 WHERE request_id = $1",
                "DELETE FROM audit_record WHERE request_id = $1")) {
            assertThatThrownBy(() -> pool.preparedQuery(rewrite).execute(Tuple.of(requestId)).await().indefinitely())
                    .hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> pool.query("TRUNCATE audit_record").execute().await().indefinitely())
                .hasMessageContaining("append-only");
        assertThat(audit(Map.of("request_id", requestId)).getInt("records[0].status")).isEqualTo(200);
    }

    @Test
    void noSecretReachesTheTrail() throws Exception {
        GatewayTestSupport.Account account = account("enterprise_master");
        IamUser user = iamUser(account);
        String secrets = "{\"order_id\":\"o-s\",\"secret_key\":\"" + account.secretKey() + "\",\"password\":\""
                + user.secretKey() + "\"}";
        send(account.client(), "POST", PAY, secrets.getBytes(StandardCharsets.UTF_8), 200);
        account.client().send("POST", PAY, "sk=" + account.secretKey(), secrets.getBytes(StandardCharsets.UTF_8));
        account.clientWithSecret(user.secretKey()).send("POST", PAY, null, secrets.getBytes(StandardCharsets.UTF_8));
        assertThat(audit(Map.of("domain_id", account.domainId())).getLong("total_count")).isEqualTo(7);

        String everything = pool.query("SELECT coalesce(string_agg(to_jsonb(r)::text, ' '), '') FROM audit_record r")
                .execute().await().indefinitely().iterator().next().getString(0);
        assertThat(everything).contains(account.accessKey(), "o-s")
                .doesNotContain(account.secretKey()).doesNotContain(user.secretKey());
    }

    @Test
    void failedWriteIsCountedAndTheCallStillSucceeds() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        double failedBefore = failedWrites();
        pool.query("ALTER TABLE audit_record ADD CONSTRAINT refuse_renew_config "
                + "CHECK (operation <> 'SetResourcesRenewConfig') NOT VALID").execute().await().indefinitely();
        String requestId;
        try {
            requestId = send(account.client(), "POST", "/v2/orders/subscriptions/resources/renew/config",
                    "{\"config_name\":\"x\",\"config_value\":\"1\"}".getBytes(StandardCharsets.UTF_8), 200);
        } finally {
            pool.query("ALTER TABLE audit_record DROP CONSTRAINT refuse_renew_config").execute().await()
                    .indefinitely();
        }
        assertThat(failedWrites()).isEqualTo(failedBefore + 1);
        assertThat(audit(Map.of("request_id", requestId)).getLong("total_count")).isZero();
    }

    @Test
    void slowWriteHoldsTheAnswerNoLongerThanTheWriteTimeoutAndStillLands() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        double timeoutsBefore = metrics.counter("bss.gateway.audit.write.timeouts").count();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        String requestId;
        try {
            Transaction lock = connection.begin().await().indefinitely();
            connection.query("LOCK TABLE audit_record IN EXCLUSIVE MODE").execute().await().indefinitely();
            long started = System.nanoTime();
            requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-slow\"}".getBytes(
                    StandardCharsets.UTF_8), 200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(metrics.counter("bss.gateway.audit.write.timeouts").count()).isEqualTo(timeoutsBefore + 1);
            assertThat(recordCount(requestId)).isZero();
            lock.rollback().await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (recordCount(requestId) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(recordCount(requestId)).isEqualTo(1);
    }

    /** An IAM user of the account with its own access key. */
    record IamUser(String userId, String name, String accessKey, String secretKey, String domainId) {

        SignedHttpClient client() {
            return new SignedHttpClient(publicEndpoint(), accessKey, secretKey, domainId);
        }
    }

    static IamUser iamUser(GatewayTestSupport.Account account) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin().body(Map.of("name", name)).post("/admin/v1/domains/{id}/users", account.domainId())
                .then().statusCode(201).extract().path("user_id");
        JsonPath key = admin().body(Map.of("user_id", userId))
                .post("/admin/v1/domains/{id}/access-keys", account.domainId()).then().statusCode(201).extract()
                .jsonPath();
        return new IamUser(userId, name, key.getString("access_key"), key.getString("secret_key"),
                account.domainId());
    }

    /** Sends a call with a fresh request id, checks its status, and returns the id. */
    static String send(SignedHttpClient client, String method, String path, byte[] body, int status)
            throws Exception {
        String requestId = requestId();
        SignedHttpClient.Response response = client.send(method, path, null, Map.of("X-Request-Id", requestId), body,
                Instant.now());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return requestId;
    }

    static JsonPath audit(Map<String, ?> filters) {
        return admin().queryParams(filters).get("/admin/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    static void assertRecorded(String requestId, GatewayTestSupport.Account account, String operation, int status,
            String errorCode) {
        JsonPath found = audit(Map.of("request_id", requestId));
        assertThat(found.getLong("total_count")).as(requestId).isEqualTo(1);
        assertThat(found.getMap("records[0]")).contains(entry("domain_id", account.domainId()),
                entry("access_key", account.accessKey()), entry("operation", operation), entry("status", status),
                entry("error_code", errorCode), entry("result", "failure"));
    }

    static String requestId() {
        return "audit-test-" + UUID.randomUUID();
    }

    static URI publicEndpoint() {
        return URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort);
    }

    private long recordCount(String requestId) {
        return pool.preparedQuery("SELECT count(*) FROM audit_record WHERE request_id = $1")
                .execute(Tuple.of(requestId)).await().indefinitely().iterator().next().getLong(0);
    }

    private double failedWrites() {
        return metrics.counter("bss.gateway.audit.records", "outcome", "failed").count();
    }
}
