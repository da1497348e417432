package io.openbss.gateway;

import static io.openbss.gateway.AuditTestSupport.audit;
import static io.openbss.gateway.AuditTestSupport.iamUser;
import static io.openbss.gateway.AuditTestSupport.send;
import static io.openbss.gateway.AuditTrailTest.PAY;
import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.BssTime;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /admin/v1/audit: filters, paging, and bad input. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AuditQueryApiTest {

    static final String CANCEL = "/v2/orders/customer-orders/cancel";

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void filtersNarrowTheTrailAndPagesGoNewestFirst() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GatewayTestSupport.Account account = account("enterprise_master");
        AuditTestSupport.IamUser user = iamUser(account);
        for (int i = 1; i <= 3; i++) {
            send(account.client(), "POST", PAY, order(tag + "-" + i), 200);
        }
        send(user.client(), "PUT", CANCEL, order(tag + "-9"), 200);
        send(account.clientWithSecret("wrong"), "POST", PAY, order(tag + "-4"), 401);
        String domain = account.domainId();

        List<String> everything = List.of("PayOrders", "CancelCustomerOrder", "PayOrders", "PayOrders", "PayOrders",
                "CreateAccessKey", "SetPolicies", "CreateUser", "CreateAccessKey", "CreateDomain");
        assertThat(operations(Map.of("domain_id", domain))).isEqualTo(everything);
        assertThat(orders(Map.of("domain_id", domain, "operation", "PayOrders")))
                .containsExactly(tag + "-4", tag + "-3", tag + "-2", tag + "-1");
        assertThat(orders(Map.of("domain_id", domain, "operation", "PayOrders", "result", "success")))
                .containsExactly(tag + "-3", tag + "-2", tag + "-1");
        assertThat(orders(Map.of("domain_id", domain, "result", "failure"))).containsExactly(tag + "-4");
        assertThat(operations(Map.of("user_id", user.userId())))
                .containsExactly("CancelCustomerOrder", "CreateAccessKey", "SetPolicies", "CreateUser");
        assertThat(operations(Map.of("access_key", user.accessKey())))
                .containsExactly("CancelCustomerOrder", "CreateAccessKey");
        assertThat(orders(Map.of("resource_id", tag + "-2"))).containsExactly(tag + "-2");

        JsonPath second = audit(Map.of("domain_id", domain, "limit", "2", "offset", "2"));
        assertThat(second.getLong("total_count")).isEqualTo(everything.size());
        assertThat(second.getList("records.operation")).isEqualTo(everything.subList(2, 4));
        JsonPath beyond = audit(Map.of("domain_id", domain, "offset", "100"));
        assertThat(beyond.getLong("total_count")).isEqualTo(everything.size());
        assertThat(beyond.getList("records")).isEmpty();
    }

    @Test
    void sinceAndUntilSelectByTheGatewaysClock() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        send(account.client(), "POST", PAY, order("early"), 200);
        clock.advance(Duration.ofDays(30));
        SignedHttpClient.Response late = account.client().send("POST", PAY, null, Map.of(), order("late"),
                clock.instant());
        assertThat(late.status()).isEqualTo(200);

        String boundary = BssTime.formatWire(Instant.now().plus(Duration.ofDays(15)));
        assertThat(orders(Map.of("domain_id", account.domainId(), "since", boundary))).containsExactly("late");
        assertThat(operations(Map.of("domain_id", account.domainId(), "until", boundary)))
                .containsExactly("PayOrders", "CreateAccessKey", "CreateDomain");
        assertThat(orders(Map.of("domain_id", account.domainId(), "until", boundary))).containsExactly("early");
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("limit", "0");
        bad.put("offset", "-1");
        bad.put("since", "yesterday");
        bad.put("until", "2024-01-01T00:00:00+08:00");
        bad.put("result", "maybe");
        bad.put("operation", "NoSuchOperation");
        bad.put("domain_id", "d".repeat(129));
        bad.put("resource_id", "r".repeat(129));
        bad.forEach((name, value) -> admin().queryParam(name, value).get("/admin/v1/audit").then().statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(name)));
        for (String limit : List.of("1001", "ten")) {
            admin().queryParam("limit", limit).get("/admin/v1/audit").then().statusCode(400)
                    .body("error_msg", containsString("limit"));
        }
        admin().queryParam("since", "2024-01-02T00:00:00Z").queryParam("until", "2024-01-01T00:00:00Z")
                .get("/admin/v1/audit").then().statusCode(400).body("error_msg", containsString("until"));

        admin().queryParam("limit", "1000").queryParam("operation", "CreateDomain").get("/admin/v1/audit").then()
                .statusCode(200);
        given().get("/admin/v1/audit").then().statusCode(401);
    }

    private static byte[] order(String orderId) {
        return ("{\"order_id\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> operations(Map<String, String> filters) {
        return audit(filters).getList("records.operation");
    }

    /** The order ids the selected records name, newest first. */
    private static List<String> orders(Map<String, String> filters) {
        return audit(filters).<String>getList("records.identifiers.order_id.flatten()").stream()
                .filter(Objects::nonNull).toList();
    }
}
