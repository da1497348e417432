package io.openbss.enterprise.subcustomers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class SubCustomersResourceTest {

    static final String AUDIENCE = "enterprise-service";
    static final String PATH = "/v2/enterprises/multi-accounts/sub-customers";

    String master;
    String otherMaster;
    String root;
    String unit;

    @BeforeEach
    void enterpriseWithSubAccounts() {
        master = id("m");
        otherMaster = id("o");
        root = unitId();
        unit = unitId();
        organization(master, root, "Acme", null).statusCode(200);
        organization(master, unit, "Research", root).statusCode(200);
        associate(master, id("s1"), "dev-team", "Development", unit).statusCode(200);
        associate(master, id("s2"), "ops-team", "Operations", null).statusCode(200);
        associate(master, id("s3"), "fin_100%", "Finance", root).statusCode(200);
        associate(otherMaster, id("x"), "dev-other", "Other development", null).statusCode(200);
    }

    @Test
    void masterSeesOnlyItsOwnSubAccounts() {
        JsonPath page = list(master, Map.of());
        assertThat(page.getLong("total_count")).isEqualTo(3);
        assertThat(page.getList("sub_customer_infos.name")).containsExactly("dev-team", "ops-team", "fin_100%");
        assertThat(page.getList("sub_customer_infos.status")).containsOnly(1);
        assertThat(page.getString("sub_customer_infos[0].org_id")).isEqualTo(unit);
        assertThat(page.getString("sub_customer_infos[0].org_name")).isEqualTo("Research");
        assertThat(page.getString("sub_customer_infos[1].org_name")).isNull();
    }

    @Test
    void nameFiltersAreExactUnlessFuzzy() {
        assertThat(names(Map.of("sub_customer_account_name", "dev-team"))).containsExactly("dev-team");
        assertThat(names(Map.of("sub_customer_account_name", "dev"))).isEmpty();
        assertThat(names(Map.of("sub_customer_account_name", "DEV", "fuzzy_query", "1"))).containsExactly("dev-team");
        assertThat(names(Map.of("sub_customer_account_name", "team", "fuzzy_query", "1")))
                .containsExactly("dev-team", "ops-team");
        assertThat(names(Map.of("sub_customer_display_name", "ation", "fuzzy_query", "1")))
                .containsExactly("ops-team");
        assertThat(names(Map.of("sub_customer_display_name", "Finance"))).containsExactly("fin_100%");
    }

    @Test
    void anEmptyNameFiltersExactlyAndMatchesEverythingFuzzily() {
        assertThat(namesFromQuery("sub_customer_account_name=")).isEmpty();
        assertThat(namesFromQuery("sub_customer_account_name=&fuzzy_query=1")).hasSize(3);
    }

    @Test
    void likeWildcardsInFuzzyNamesAreLiteral() {
        assertThat(names(Map.of("sub_customer_account_name", "%", "fuzzy_query", "1"))).containsExactly("fin_100%");
        assertThat(names(Map.of("sub_customer_account_name", "_", "fuzzy_query", "1"))).containsExactly("fin_100%");
    }

    @Test
    void orgFilterAndPaging() {
        assertThat(names(Map.of("org_id", root))).containsExactly("fin_100%");
        assertThat(names(Map.of("limit", "1", "offset", "1"))).containsExactly("ops-team");
        assertThat(list(master, Map.of("limit", "1", "offset", "5")).getLong("total_count")).isEqualTo(3);
    }

    @Test
    void badParametersAre400NamingThem() {
        for (Map.Entry<String, String> bad : Map.of("limit", "0", "offset", "-1", "fuzzy_query", "2").entrySet()) {
            given().header("Authorization", token(master, CallerKind.ENTERPRISE_MASTER))
                    .queryParam(bad.getKey(), bad.getValue()).get(PATH).then().statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(bad.getKey()));
        }
        given().header("Authorization", token(master, CallerKind.ENTERPRISE_MASTER)).queryParam("limit", "101")
                .get(PATH).then().statusCode(400).body("error_msg", containsString("limit"));
        given().header("Authorization", token(master, CallerKind.ENTERPRISE_MASTER))
                .queryParam("sub_customer_account_name", "x".repeat(65)).get(PATH).then().statusCode(400)
                .body("error_msg", containsString("sub_customer_account_name"));
    }

    @Test
    void onlyAnEnterpriseMasterMayList() {
        for (CallerKind kind : List.of(CallerKind.ENTERPRISE_SUB, CallerKind.INDIVIDUAL, CallerKind.PARTNER)) {
            given().header("Authorization", token(master, kind)).get(PATH).then().statusCode(403)
                    .body("error_code", equalTo("CBC.0151"));
        }
    }

    @Test
    void aSubAccountBelongsToOneEnterpriseOnly() {
        String sub = id("shared");
        associate(master, sub, "shared", "Shared", null).statusCode(200);
        associate(otherMaster, sub, "shared", "Shared", null).statusCode(400).body("error_code", equalTo("CBC.7004"));
    }

    @Test
    void anotherEnterprisesUnitCannotBeUsed() {
        associate(otherMaster, id("y"), "y", "Y", unit).statusCode(400).body("error_code", equalTo("CBC.0101"));
        organization(otherMaster, root, "Hijack", null).statusCode(403).body("error_code", equalTo("CBC.0150"));
    }

    List<String> names(Map<String, String> params) {
        return list(master, params).getList("sub_customer_infos.name");
    }

    /** The raw query, as the SDK sends an empty value: {@code name=}. */
    List<String> namesFromQuery(String rawQuery) {
        return given().header("Authorization", token(master, CallerKind.ENTERPRISE_MASTER)).urlEncodingEnabled(false)
                .get(PATH + "?" + rawQuery).then().statusCode(200).extract().jsonPath().getList("sub_customer_infos.name");
    }

    JsonPath list(String caller, Map<String, String> params) {
        return given().header("Authorization", token(caller, CallerKind.ENTERPRISE_MASTER)).queryParams(params)
                .get(PATH).then().statusCode(200).extract().jsonPath();
    }

    static String token(String customerId, CallerKind kind) {
        return InternalKeys.bearer(AUDIENCE, customerId, kind);
    }

    static String operator() {
        return InternalKeys.bearer(AUDIENCE, CallerIdentity.operator("test"));
    }

    static ValidatableResponse organization(String master, String orgId, String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parent_id", parent);
        return given().header("Authorization", operator()).contentType(ContentType.JSON).body(body)
                .put("/internal/v1/enterprises/{m}/organizations/{o}", master, orgId).then();
    }

    static ValidatableResponse associate(String master, String sub, String name, String displayName, String orgId) {
        Map<String, Object> body = new HashMap<>();
        body.put("account_name", name);
        body.put("display_name", displayName);
        body.put("org_id", orgId);
        return given().header("Authorization", operator()).contentType(ContentType.JSON).body(body)
                .put("/internal/v1/enterprises/{m}/sub-customers/{s}", master, sub).then();
    }

    /** Organization units have numeric ids. */
    static String unitId() {
        return String.valueOf(System.nanoTime()) + (int) (Math.random() * 1000);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
