package io.openbss.billing.catalog;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class CatalogResourceTest {

    @Test
    void serviceTypesArePagedAndNamedInTheRequestedLanguage() {
        JsonPath all = as().queryParam("limit", 1000).get("/v2/products/service-types").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getInt("total_count")).isGreaterThanOrEqualTo(10);
        assertThat(all.getList("service_types.service_type_code")).contains("hws.service.type.ec2",
                "hws.service.type.ebs", "hws.service.type.obs", "hws.service.type.vpc", "hws.service.type.rds",
                "hws.service.type.cdn", "hws.service.type.cce", "hws.service.type.dcs", "hws.service.type.elb",
                "hws.service.type.dns");
        as().get("/v2/products/service-types").then().body("service_types", hasSize(10));
        List<String> page = as().queryParam("offset", 2).queryParam("limit", 3).get("/v2/products/service-types")
                .then().extract().jsonPath().getList("service_types.service_type_code");
        assertThat(page).containsExactlyElementsOf(all.<String>getList("service_types.service_type_code")
                .subList(2, 5));
        as().header("X-Language", "en_US").queryParam("limit", 1000).get("/v2/products/service-types").then()
                .body("service_types.find { it.service_type_code == 'hws.service.type.ec2' }.service_type_name",
                        equalTo("Elastic Cloud Server"));
        as().queryParam("limit", 1000).get("/v2/products/service-types").then()
                .body("service_types.find { it.service_type_code == 'hws.service.type.ec2' }.service_type_name",
                        equalTo("弹性云服务器"));
        as().get("/v2/bases/service-types").then().statusCode(200)
                .body("total_count", equalTo(all.getInt("total_count")));
    }

    @Test
    void resourceTypesAndServiceResources() {
        as().queryParam("limit", 1000).get("/v2/products/resource-types").then().statusCode(200)
                .body("resource_types.find { it.resource_type_code == 'hws.resource.type.vm' }.service_type_code",
                        equalTo("hws.service.type.ec2"));
        as().queryParam("service_type_code", "hws.service.type.vpc").get("/v2/products/service-resources").then()
                .statusCode(200).body("total_count", equalTo(2))
                .body("infos.basic_info.resource_type_code",
                        equalTo(List.of("hws.resource.type.bandwidth", "hws.resource.type.ip")))
                .body("infos[0].basic_info.product_owner_service", equalTo("hws.service.type.vpc"));
        as().queryParam("service_type_code", "hws.service.type.none").get("/v2/products/service-resources").then()
                .statusCode(200).body("total_count", equalTo(0));
    }

    @Test
    void usageTypesFilterByResourceTypeAndAnEmptyFilterMatchesNothing() {
        as().queryParam("resource_type_code", "hws.resource.type.obs").get("/v2/products/usage-types").then()
                .statusCode(200).body("total_count", equalTo(3))
                .body("usage_types.code", equalTo(List.of("capacity", "downflow", "reqNumber")))
                .body("usage_types[0].service_type_code", equalTo("hws.service.type.obs"))
                .body("usage_types[0].service_type_name", equalTo("对象存储服务"));
        as().urlEncodingEnabled(false).get("/v2/products/usage-types?resource_type_code=").then().statusCode(200)
                .body("total_count", equalTo(0));
        assertThat(as().get("/v2/products/usage-types").then().extract().jsonPath().getInt("total_count"))
                .isGreaterThan(10);
    }

    @Test
    void measureUnitsAndConversions() {
        as().header("X-Language", "en_US").get("/v2/bases/measurements").then().statusCode(200)
                .body("measure_units.find { it.measure_id == 4 }.measure_name", equalTo("Hour"))
                .body("measure_units.find { it.measure_id == 1 }.measure_type", equalTo(1));
        as().queryParam("measure_type", 3).get("/v2/bases/conversions").then().statusCode(200)
                .body("conversions.find { it.measure_id == 10 && it.ref_measure_id == 11 }.conversion_ratio",
                        equalTo(1024));
        as().queryParam("measure_type", 3).get("/v2/bases/conversions").then()
                .body("conversions.measure_type.unique()", equalTo(List.of(3)));
    }

    @Test
    void badParametersAre400NamingThem() {
        as().queryParam("limit", 0).get("/v2/products/service-types").then().statusCode(400)
                .body("error_msg", containsString("limit"));
        as().queryParam("limit", 1001).get("/v2/products/resource-types").then().statusCode(400)
                .body("error_msg", containsString("limit"));
        as().queryParam("offset", "x").get("/v2/products/resource-types").then().statusCode(400)
                .body("error_msg", containsString("offset"));
        as().get("/v2/products/service-resources").then().statusCode(400)
                .body("error_msg", containsString("service_type_code"));
        as().queryParam("service_type_code", "hws.service.type.ec2").queryParam("limit", 101)
                .get("/v2/products/service-resources").then().statusCode(400).body("error_msg", containsString("limit"));
        as().queryParam("limit", 101).get("/v2/products/usage-types").then().statusCode(400);
        as().queryParam("measure_type", "bytes").get("/v2/bases/conversions").then().statusCode(400)
                .body("error_msg", containsString("measure_type"));
        as().header("X-Language", "fr_FR").get("/v2/bases/measurements").then().statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("X-Language"));
    }

    static RequestSpecification as() {
        return given().header("Authorization", customer("catalog-reader"));
    }
}
