package io.openbss.enterprise.subcustomers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class SubAccountCreationTest {

    static final String PATH = "/v2/enterprises/multi-accounts/sub-customers";
    static final AtomicLong UNITS = new AtomicLong(System.currentTimeMillis() * 1000 + 500);

    @Inject
    Pool pool;

    @Inject
    SubAccountCreation creation;

    @Inject
    CreationReconciler reconciler;

    @Inject
    MeterRegistry registry;

    String master;
    String unit;

    @BeforeEach
    void enterprise() {
        master = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        unit = String.valueOf(UNITS.incrementAndGet());
        given().header("Authorization", InternalKeys.bearer("enterprise-service", CallerIdentity.operator("test")))
                .contentType(ContentType.JSON).body(Map.of("name", "Acme"))
                .put("/internal/v1/enterprises/{m}/organizations/{o}", master, unit).then().statusCode(200);
    }

    @AfterEach
    void servicesRecover() {
        FakeGateway.recover();
        FakeBilling.recover();
    }

    @Test
    void aSubAccountIsAnAccountRegisteredWithBillingAndAssociated() {
        String name = name();
        String domainId = create(request(name, 0)).statusCode(200).body("domain_name", equalTo(name)).extract()
                .path("domain_id");
        assertThat(FakeBilling.REGISTERED).containsEntry(domainId, name);
        JsonObject association = FakeBilling.ASSOCIATIONS.get(domainId);
        assertThat(association.getString("master_customer_id")).isEqualTo(master);
        assertThat(association.getBoolean("bills_visible")).isTrue();
        assertThat(association.getBoolean("financial_custody")).isFalse();
        given().header("Authorization", bearer()).get(PATH).then().statusCode(200)
                .body("sub_customer_infos[0].id", equalTo(domainId)).body("sub_customer_infos[0].org_id", equalTo(unit))
                .body("sub_customer_infos[0].display_name", equalTo("Team " + name));
        assertThat(status(domainId)).isEqualTo("DONE");
    }

    @Test
    void financialCustodyGrantsTheDocumentedPermissions() {
        String domainId = create(request(name(), 1)).statusCode(200).extract().path("domain_id");
        assertThat(FakeBilling.ASSOCIATIONS.get(domainId).getBoolean("financial_custody")).isTrue();
        List<String> permissions = List.of(pool.preparedQuery(
                        "SELECT permission_ids FROM sub_customer WHERE sub_customer_id = $1").execute(Tuple.of(domainId))
                .await().indefinitely().iterator().next().getArrayOfStrings("permission_ids"));
        assertThat(permissions).containsExactly("READ_FINANCE_INFO", "READ_CONSUME_BILL",
                "SHARE-BIZ-DISCOUNT-TO-SUB");
    }

    @Test
    void theGatewaysRefusalIsTheAnswerAndTheCreationFails() {
        create(request("taken" + name(), 0)).statusCode(400).body("error_code", equalTo("CBC.99000031"));
        assertThat(pool.preparedQuery("SELECT status FROM sub_account_creation WHERE master_customer_id = $1")
                .execute(Tuple.of(master)).await().indefinitely().iterator().next().getString("status"))
                .isEqualTo("FAILED");
    }

    @Test
    void anAccountMadeBeforeAnOutageIsFinishedByTheReconciler() {
        String name = name();
        FakeGateway.down();
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        create(request(name, 0)).statusCode(500).body("error_code", equalTo("CBC.0999"));
        String creationId = pool.preparedQuery(
                        "SELECT creation_id FROM sub_account_creation WHERE master_customer_id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(master)).await().indefinitely().iterator().next().getString("creation_id");
        // the gateway had made the account when the outage began (its answer was lost); nothing else was done
        FakeGateway.DOMAINS.put(creationId, new JsonObject().put("domain_id", "dmade" + creationId.substring(0, 8))
                .put("name", name));

        FakeGateway.recover();
        FakeBilling.recover();
        resumeAfterTheGracePeriod();
        String domainId = "dmade" + creationId.substring(0, 8);
        assertThat(status(domainId)).isEqualTo("DONE");
        assertThat(FakeBilling.REGISTERED).containsKey(domainId);
        assertThat(FakeBilling.ASSOCIATIONS).containsKey(domainId);
    }

    @Test
    void anAccountNeverMadeFailsWhenTheReconcilerFindsNoneWithoutThePassword() {
        FakeGateway.down();
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        create(request(name(), 0)).statusCode(500);
        FakeGateway.recover();
        FakeBilling.recover();
        resumeAfterTheGracePeriod();
        assertThat(pool.preparedQuery("SELECT status FROM sub_account_creation WHERE master_customer_id = $1")
                .execute(Tuple.of(master)).await().indefinitely().iterator().next().getString("status"))
                .isEqualTo("FAILED");
    }

    @Test
    void theReconcilerReportsTheCreationsStillPending() {
        FakeGateway.down();
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        create(request(name(), 0)).statusCode(500);
        FakeGateway.recover();
        FakeBilling.recover();
        // not yet due for the reconciler: it stays pending through this run
        reconciler.reconcile().await().indefinitely();
        double backlog = creationBacklog();
        assertThat(backlog).isEqualTo(pendingCreations()).isGreaterThanOrEqualTo(1);

        pool.query("UPDATE sub_account_creation SET next_attempt_at = now() - interval '1 second'"
                + " WHERE status = 'PENDING'").execute().await().indefinitely();
        reconciler.reconcile().await().indefinitely();
        assertThat(creationBacklog()).isEqualTo(pendingCreations()).isLessThan(backlog);
    }

    @Test
    void badInputNamesTheParameter() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("party_id", "abc");
        bad.put("sub_customer_association_type", 0);
        bad.put("financial_custody", 2);
        bad.put("permission_ids", List.of("EVERYTHING"));
        bad.put("new_sub_customer", null);
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            Map<String, Object> body = request(name(), 0);
            body.put(field.getKey(), field.getValue());
            create(body).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(field.getKey()));
        }
        Map<String, Object> nullPermission = request(name(), 0);
        nullPermission.put("permission_ids", Arrays.asList("READ_CONSUME_BILL", null));
        create(nullPermission).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("permission_ids[1]"));
        Map<String, Object> noPhone = request(name(), 0);
        noPhone.put("new_sub_customer", Map.of("customer_name", name(), "password", "Sub-Acc0unt!",
                "use_pri_mobile_phone", "N", "verification_code", "123456"));
        create(noPhone).statusCode(400).body("error_msg", containsString("mobile_phone"));
        Map<String, Object> noCode = request(name(), 0);
        noCode.put("new_sub_customer", Map.of("customer_name", name(), "password", "Sub-Acc0unt!",
                "mobile_phone", "+86-13900000000"));
        create(noCode).statusCode(400).body("error_msg", containsString("verification_code"));
        Map<String, Object> otherUnit = request(name(), 0);
        otherUnit.put("party_id", "42");
        create(otherUnit).statusCode(400).body("error_code", equalTo("CBC.0101"));
        given().header("Authorization", InternalKeys.bearer("enterprise-service", master, CallerKind.ENTERPRISE_SUB))
                .contentType(ContentType.JSON).body(request(name(), 0)).post(PATH).then().statusCode(403);
        assertThat(pool.preparedQuery("SELECT count(*) FROM sub_account_creation WHERE master_customer_id = $1")
                .execute(Tuple.of(master)).await().indefinitely().iterator().next().getLong(0)).isZero();
    }

    private void resumeAfterTheGracePeriod() {
        pool.query("UPDATE sub_account_creation SET next_attempt_at = now() - interval '1 second'"
                + " WHERE status = 'PENDING'").execute().await().indefinitely();
        creation.resume().await().indefinitely();
    }

    private double creationBacklog() {
        return registry.get("bss.enterprise.subaccount.creations.pending").gauge().value();
    }

    private long pendingCreations() {
        return pool.query("SELECT count(*) FROM sub_account_creation WHERE status = 'PENDING'").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private String status(String domainId) {
        return pool.preparedQuery("SELECT status FROM sub_account_creation WHERE sub_customer_id = $1")
                .execute(Tuple.of(domainId)).await().indefinitely().iterator().next().getString("status");
    }

    private ValidatableResponse create(Map<String, Object> body) {
        return given().header("Authorization", bearer()).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    private Map<String, Object> request(String name, int custody) {
        Map<String, Object> body = new HashMap<>();
        body.put("party_id", unit);
        body.put("display_name", "Team " + name);
        body.put("sub_customer_association_type", 1);
        body.put("permission_ids", List.of("READ_CONSUME_BILL"));
        body.put("financial_custody", custody);
        body.put("new_sub_customer", Map.of("customer_name", name, "use_pri_mobile_phone", "Y",
                "password", "Sub-Acc0unt!"));
        return body;
    }

    private String bearer() {
        return InternalKeys.bearer("enterprise-service", master, CallerKind.ENTERPRISE_MASTER);
    }

    private static String name() {
        return "sub" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
