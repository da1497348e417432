package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.openbss.common.signing.SignedHttpClient;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls with known request ids, IAM users with their own keys, and the audit query, for audit tests. */
final class AuditTestSupport {

    private AuditTestSupport() {
    }

    /** An IAM user of the account with its own access key. */
    record IamUser(String userId, String name, String accessKey, String secretKey, String domainId) {

        SignedHttpClient client() {
            return new SignedHttpClient(publicEndpoint(), accessKey, secretKey, domainId);
        }
    }

    /** An IAM user (role bss_admin, so that its calls pass the policy check) with its own key. */
    static IamUser iamUser(GatewayTestSupport.Account account) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin().body(Map.of("name", name)).post("/admin/v1/domains/{id}/users", account.domainId())
                .then().statusCode(201).extract().path("user_id");
        admin().body(Map.of("policies", List.of(Map.of("role", "bss_admin"))))
                .put("/admin/v1/users/{id}/policies", userId).then().statusCode(200);
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
}
