package io.openbss.gateway;

import static io.openbss.gateway.AuditTestSupport.assertRecorded;
import static io.openbss.gateway.AuditTestSupport.audit;
import static io.openbss.gateway.AuditTestSupport.iamUser;
import static io.openbss.gateway.AuditTestSupport.publicEndpoint;
import static io.openbss.gateway.AuditTestSupport.requestId;
import static io.openbss.gateway.AuditTestSupport.send;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the audit trail records of public calls, and how it keeps its records. */
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
        AuditTestSupport.IamUser user = iamUser(account);
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
        String serviceDown = send(master.client(), "POST", TRANSFER, transfer, 503);

        assertRecorded(badSignature, individual, "PayOrders", 401, "APIG.0301");
        assertThat(audit(Map.of("request_id", badSignature)).getList("records[0].identifiers.order_id"))
                .containsExactly("ord-7");
        assertRecorded(callerRule, individual, "UpdateSubEnterpriseAmount", 403, "CBC.0151");
        assertRecorded(serviceRefusal, individual, "AutoRenewalResources", 400, GatewayTestResource.REFUSAL_CODE);
        assertRecorded(serviceDown, master, "UpdateSubEnterpriseAmount", 503, "APIG.0201");
        Map<String, List<String>> transferred = audit(Map.of("request_id", serviceDown))
                .getMap("records[0].identifiers");
        assertThat(transferred).isEqualTo(Map.of("customer_id", List.of("sub-1"), "trans_id", List.of("t-9")));

        admin().body(Map.of("status", "inactive")).put("/admin/v1/access-keys/{ak}", individual.accessKey()).then()
                .statusCode(200);
        String disabledKey = send(individual.client(), "POST", PAY, payment, 401);
        assertRecorded(disabledKey, individual, "PayOrders", 401, "APIG.0301");
    }

    @Test
    void oversizeStateChangingCallIsAnsweredThenRecordedAndClosed() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String requestId = send(account.client(), "POST", AUTO_RENEW + "res-big", new byte[12 * 1024 * 1024 + 1],
                413);
        assertRecorded(requestId, account, "AutoRenewalResources", 413, "APIG.0201");
        assertThat(audit(Map.of("request_id", requestId)).getList("records[0].identifiers.resource_id"))
                .containsExactly("res-big");
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
        AuditTestSupport.IamUser user = iamUser(account);
        String secrets = "{\"order_id\":\"o-s\",\"secret_key\":\"" + account.secretKey() + "\",\"password\":\""
                + user.secretKey() + "\"}";
        send(account.client(), "POST", PAY, secrets.getBytes(StandardCharsets.UTF_8), 200);
        account.client().send("POST", PAY, "sk=" + account.secretKey(), secrets.getBytes(StandardCharsets.UTF_8));
        account.clientWithSecret(user.secretKey()).send("POST", PAY, null, secrets.getBytes(StandardCharsets.UTF_8));
        assertThat(audit(Map.of("domain_id", account.domainId())).getLong("total_count")).isEqualTo(8);

        String everything = pool.query("SELECT coalesce(string_agg(to_jsonb(r)::text, ' '), '') FROM audit_record r")
                .execute().await().indefinitely().iterator().next().getString(0);
        assertThat(everything).contains(account.accessKey(), "o-s")
                .doesNotContain(account.secretKey()).doesNotContain(user.secretKey());
    }

    @Test
    void callWhoseRecordCannotBeWrittenIsRefusedAndNotPerformed() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        double failedBefore = failedWrites();
        pool.query("ALTER TABLE audit_record ADD CONSTRAINT refuse_renew_config "
                + "CHECK (operation <> 'SetResourcesRenewConfig') NOT VALID").execute().await().indefinitely();
        String requestId;
        try {
            requestId = send(account.client(), "POST", "/v2/orders/subscriptions/resources/renew/config",
                    "{\"config_name\":\"x\",\"config_value\":\"1\"}".getBytes(StandardCharsets.UTF_8), 503);
        } finally {
            pool.query("ALTER TABLE audit_record DROP CONSTRAINT refuse_renew_config").execute().await()
                    .indefinitely();
        }
        assertThat(GatewayTestResource.FORWARDED).doesNotContain(requestId);
        assertThat(failedWrites()).isEqualTo(failedBefore + 1);
        assertThat(audit(Map.of("request_id", requestId)).getLong("total_count")).isZero();
    }

    @Test
    void slowWriteRefusesTheCallAfterTheWriteTimeoutAndTheLateRecordSaysSo() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        double timeoutsBefore = metrics.counter("bss.gateway.audit.write.timeouts").count();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        String requestId;
        try {
            Transaction lock = connection.begin().await().indefinitely();
            connection.query("LOCK TABLE audit_record IN EXCLUSIVE MODE").execute().await().indefinitely();
            long started = System.nanoTime();
            requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-slow\"}".getBytes(
                    StandardCharsets.UTF_8), 503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(GatewayTestResource.FORWARDED).doesNotContain(requestId);
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
        long completion = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath records = audit(Map.of("request_id", requestId));
        while (records.get("records[0].status") == null && System.nanoTime() < completion) {
            records = audit(Map.of("request_id", requestId));
        }
        assertThat(records.getLong("total_count")).isEqualTo(1);
        assertThat(records.getInt("records[0].status")).isEqualTo(503);
        assertThat(records.getString("records[0].error_code")).isEqualTo("APIG.0201");
    }

    @Test
    void aForwardedCallIsRecordedBeforeItIsPerformedAndCompletedWithItsAnswer() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-ahead\"}".getBytes(
                StandardCharsets.UTF_8), 200);
        assertThat(GatewayTestResource.FORWARDED).contains(requestId);
        JsonPath records = audit(Map.of("request_id", requestId));
        assertThat(records.getLong("total_count")).isEqualTo(1);
        assertThat(records.getInt("records[0].status")).isEqualTo(200);
        assertThat(records.getString("records[0].result")).isEqualTo("success");
        assertThat(records.getInt("records[0].duration_ms")).isNotNegative();
    }

    @Test
    void anOutcomeThatCannotBeWrittenAtOnceIsWrittenOncePostgresTakesItAgain() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        // PostgreSQL refuses this call's outcome (not its opening record), as it would while restarting
        pool.query("ALTER TABLE audit_record ADD CONSTRAINT refuse_outcome CHECK (status IS NULL "
                + "OR identifiers->'order_id'->>0 <> 'o-later') NOT VALID").execute().await().indefinitely();
        String requestId;
        try {
            requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-later\"}".getBytes(
                    StandardCharsets.UTF_8), 200);
            assertThat(GatewayTestResource.FORWARDED).contains(requestId);
            assertThat(audit(Map.of("request_id", requestId)).getString("records[0].status")).isNull();
        } finally {
            pool.query("ALTER TABLE audit_record DROP CONSTRAINT refuse_outcome").execute().await().indefinitely();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath records = audit(Map.of("request_id", requestId));
        while (records.get("records[0].status") == null && System.nanoTime() < deadline) {
            records = audit(Map.of("request_id", requestId));
        }
        assertThat(records.getLong("total_count")).isEqualTo(1);
        assertThat(records.getInt("records[0].status")).isEqualTo(200);
    }

    @Test
    void controlCharactersInIdentifiersCannotSilenceTheTrail() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String requestId = send(account.client(), "POST", PAY, "{\"order_id\":\"o-\\u0000\"}".getBytes(
                StandardCharsets.UTF_8), 400);
        assertThat(GatewayTestResource.FORWARDED).doesNotContain(requestId);
        JsonPath records = audit(Map.of("request_id", requestId));
        assertThat(records.getLong("total_count")).isEqualTo(1);
        assertThat(records.getInt("records[0].status")).isEqualTo(400);
        assertThat(records.getList("records[0].identifiers.order_id", String.class)).containsExactly("o-\uFFFD");
    }

    private long recordCount(String requestId) {
        return pool.preparedQuery("SELECT count(*) FROM audit_record WHERE request_id = $1")
                .execute(Tuple.of(requestId)).await().indefinitely().iterator().next().getLong(0);
    }

    private double failedWrites() {
        return metrics.counter("bss.gateway.audit.records", "outcome", "failed").count();
    }
}
