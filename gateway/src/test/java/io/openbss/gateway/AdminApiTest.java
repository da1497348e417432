package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AdminApiTest {

    @Test
    void adminApiNeedsTheAdminToken() {
        given().get("/admin/v1/domains").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/admin/v1/domains").then().statusCode(401);
    }

    @Test
    void secretKeyIsShownOnceAndNeverListed() {
        String domainId = admin().body(Map.of("name", "secretive", "kind", "individual")).post("/admin/v1/domains")
                .then().statusCode(201).extract().path("domain_id");
        admin().body("{}").post("/admin/v1/domains/{id}/access-keys", domainId).then().statusCode(201)
                .body("secret_key", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9]{40}"))
                .body("access_key", org.hamcrest.Matchers.matchesPattern("[A-Z0-9]{20}"));
        admin().get("/admin/v1/domains/{id}/access-keys", domainId).then().statusCode(200)
                .body("access_keys[0]", not(hasKey("secret_key")))
                .body("access_keys[0].status", equalTo("active"));
    }

    @Test
    void badAccountRequestsAre400() {
        admin().body(Map.of("name", "x", "kind", "individual")).post("/admin/v1/domains").then().statusCode(400)
                .body("error_msg", containsString("name"));
        admin().body(Map.of("name", "goodname", "kind", "emperor")).post("/admin/v1/domains").then().statusCode(400)
                .body("error_msg", containsString("kind"));
        admin().body(Map.of("name", "twice-named", "kind", "individual")).post("/admin/v1/domains").then()
                .statusCode(201);
        admin().body(Map.of("name", "twice-named", "kind", "individual")).post("/admin/v1/domains").then()
                .statusCode(400).body("error_code", equalTo("CBC.0101"));
    }

    @Test
    void iamUsersGetTheirOwnKeys() {
        String domainId = admin().body(Map.of("name", "with-users", "kind", "enterprise_master"))
                .post("/admin/v1/domains").then().statusCode(201).extract().path("domain_id");
        String userId = admin().body(Map.of("name", "finance-bob")).post("/admin/v1/domains/{id}/users", domainId)
                .then().statusCode(201).body("root", equalTo(false)).extract().path("user_id");
        admin().body(Map.of("user_id", userId)).post("/admin/v1/domains/{id}/access-keys", domainId).then()
                .statusCode(201).body("user_id", equalTo(userId));
        admin().get("/admin/v1/domains/{id}/users", domainId).then().statusCode(200)
                .body("users.size()", equalTo(2));
    }

    @Test
    void concurrentCreationsOfOneUserNameMakeOneUserAndRefuseTheOthers() {
        String domainId = admin().body(Map.of("name", "racing-users", "kind", "enterprise_master"))
                .post("/admin/v1/domains").then().statusCode(201).extract().path("domain_id");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> sent = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> admin().body(Map.of("name", "same-name")).post("/admin/v1/domains/{id}/users", domainId),
                    threads)).toList();
            Map<Integer, Long> statuses = sent.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
            assertThat(statuses).isEqualTo(Map.of(201, 1L, 400, 7L));
        } finally {
            threads.shutdown();
        }
        admin().get("/admin/v1/domains/{id}/users", domainId).then().statusCode(200)
                .body("users.findAll { it.name == 'same-name' }.size()", equalTo(1));
    }

    @Test
    void reportingAContactAgainChangesItsReasonAndKeepsWhenItWasFirstReported() {
        String first = admin().body(Map.of("reason", "fraud")).put("/admin/v1/reported-contacts/{c}", "+8613800000001")
                .then().statusCode(200).body("reason", equalTo("fraud")).extract().path("created_at");
        admin().body(Map.of("reason", "spam")).put("/admin/v1/reported-contacts/{c}", "+8613800000001").then()
                .statusCode(200).body("reason", equalTo("spam")).body("created_at", equalTo(first));
        admin().get("/admin/v1/reported-contacts").then().statusCode(200)
                .body("reported_contacts.findAll { it.contact == '+8613800000001' }.reason", equalTo(List.of("spam")));
        admin().delete("/admin/v1/reported-contacts/{c}", "+8613800000001").then().statusCode(204);
    }

    @Test
    void servicesInternalApisAreReachedAsTheOperator() {
        admin().body("{\"x\":1}").post("/admin/v1/services/billing/v1/ledger/recharges").then().statusCode(200)
                .body("uri", equalTo("/internal/v1/ledger/recharges"))
                .body("body", equalTo("{\"x\":1}"));
        admin().get("/admin/v1/services/nosuch/v1/x").then().statusCode(404);
        admin().get("/admin/v1/services/billing/v1/../../v2/accounts").then().statusCode(404);
    }
}
