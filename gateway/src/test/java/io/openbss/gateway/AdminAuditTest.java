package io.openbss.gateway;

import static io.openbss.gateway.AuditTestSupport.audit;
import static io.openbss.gateway.AuditTestSupport.requestId;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the audit trail records of admin changes. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AdminAuditTest {

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
    void userPasswordPolicyAndKeyRotationChangesAreRecordedWithoutSecrets() {
        GatewayTestSupport.Account account = GatewayTestSupport.account("individual");
        String userId = admin().body(Map.of("name", "fin")).post("/admin/v1/domains/{id}/users", account.domainId())
                .then().statusCode(201).extract().path("user_id");
        String password = "Audit-Passw0rd";
        admin().body(Map.of("password", password)).put("/admin/v1/users/{id}/password", userId).then()
                .statusCode(200);
        admin().body(Map.of("policies", List.of(Map.of("role", "bss_finance"))))
                .put("/admin/v1/users/{id}/policies", userId).then().statusCode(200);
        admin().body(Map.of("enabled", false)).put("/admin/v1/users/{id}", userId).then().statusCode(200);
        String rotated = admin().post("/admin/v1/access-keys/{ak}/rotation", account.accessKey()).then()
                .statusCode(201).extract().path("access_key");

        JsonPath userHistory = audit(Map.of("user_id", userId));
        assertThat(userHistory.getList("records.operation"))
                .containsExactly("DisableUser", "SetPolicies", "SetPassword", "CreateUser");
        assertThat(userHistory.getString("records[1].identifiers")).contains("bss_finance");
        assertThat(audit(Map.of("access_key", rotated)).getList("records.operation")).contains("RotateAccessKey");
        assertThat(audit(Map.of("domain_id", account.domainId())).prettify()).doesNotContain(password)
                .doesNotContain(account.secretKey());
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
}
