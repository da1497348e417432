package io.openbss.enterprise.organizations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class OrganizationsResourceTest {

    static final String PATH = "/v2/enterprises/multi-accounts/enterprise-organizations";
    static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    String master;
    String root;
    String rnd;
    String ops;
    String lab;

    @BeforeEach
    void tree() {
        master = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        root = unit(null, "Acme");
        rnd = unit(root, "R&D");
        ops = unit(root, "Operations");
        lab = unit(rnd, "Lab");
    }

    @Test
    void fromTheRootOneLevelByDefault() {
        JsonPath tree = list(Map.of());
        assertThat(tree.getString("root_id")).isEqualTo(root);
        assertThat(tree.getString("root_name")).isEqualTo("Acme");
        assertThat(tree.getList("child_nodes.id")).containsExactly(rnd, ops);
        assertThat(tree.getList("child_nodes.name")).containsExactly("R&D", "Operations");
        assertThat(tree.getString("child_nodes[0].relation_id")).isEqualTo(root + "-" + rnd);
        assertThat(tree.getList("child_nodes[0].child_nodes")).isNull();
    }

    @Test
    void recursiveQueriesReturnTheWholeSubtree() {
        JsonPath tree = list(Map.of("recursive_query", "1"));
        assertThat(tree.getList("child_nodes[0].child_nodes.id")).containsExactly(lab);
        assertThat(tree.getList("child_nodes[1].child_nodes")).isEmpty();
    }

    @Test
    void fromAUnitTheRootIsNotNamed() {
        JsonPath tree = list(Map.of("parent_id", rnd));
        assertThat(tree.getString("root_id")).isNull();
        assertThat(tree.getList("child_nodes.id")).containsExactly(lab);
    }

    @Test
    void anotherEnterprisesUnitAndBadInputAreRefused() {
        String other = "o" + master;
        given().header("Authorization", InternalKeys.bearer("enterprise-service", other,
                        CallerKind.ENTERPRISE_MASTER)).queryParam("parent_id", rnd).get(PATH).then().statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        given().header("Authorization", InternalKeys.bearer("enterprise-service", other,
                CallerKind.ENTERPRISE_MASTER)).get(PATH).then().statusCode(200).body("root_id", nullValue());
        for (Map.Entry<String, String> bad : Map.of("recursive_query", "2", "parent_id", "abc").entrySet()) {
            given().header("Authorization", bearer()).queryParam(bad.getKey(), bad.getValue()).get(PATH).then()
                    .statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(bad.getKey()));
        }
        given().header("Authorization", InternalKeys.bearer("enterprise-service", master, CallerKind.INDIVIDUAL))
                .get(PATH).then().statusCode(403).body("error_code", equalTo("CBC.0151"));
    }

    private JsonPath list(Map<String, String> query) {
        return given().header("Authorization", bearer()).queryParams(query).get(PATH).then().statusCode(200)
                .extract().jsonPath();
    }

    private String bearer() {
        return InternalKeys.bearer("enterprise-service", master, CallerKind.ENTERPRISE_MASTER);
    }

    private String unit(String parent, String name) {
        String id = String.valueOf(IDS.incrementAndGet());
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parent_id", parent);
        given().header("Authorization", InternalKeys.bearer("enterprise-service", CallerIdentity.operator("test")))
                .contentType(ContentType.JSON).body(body)
                .put("/internal/v1/enterprises/{m}/organizations/{o}", master, id).then().statusCode(200);
        return id;
    }
}
