package io.openbss.billing.rating;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class RatingResourceTest {

    static final String PERIOD = "/v2/bills/ratings/period-resources/subscribe-rate";
    static final String ON_DEMAND = "/v2/bills/ratings/on-demand-resources";
    /** Numbers as BigDecimal, so that the scale of amounts is checked too. */
    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void monthlyPriceIsMonthPriceTimesPeriodsTimesQuantity() {
        JsonPath rating = period(newCustomerId(), List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 3, 2)))
                .statusCode(200).extract().jsonPath();
        assertThat(rating.getDouble("official_website_rating_result.official_website_amount")).isEqualTo(936.00);
        assertThat(rating.getString("official_website_rating_result.product_rating_results[0].id")).isEqualTo("a");
        assertThat(rating.getString("official_website_rating_result.product_rating_results[0].product_id"))
                .startsWith("OFFI");
        assertThat(rating.getList("optional_discount_rating_results")).isEmpty();
        assertThat(rating.getString("currency")).isEqualTo("CNY");
    }

    @Test
    void aYearCostsTenMonthsAndRegionsHaveTheirOwnPrices() {
        JsonPath year = period(newCustomerId(), List.of(vm("y", "s6.large.2.linux", "cn-north-4", 3, 1, 1)))
                .statusCode(200).extract().jsonPath();
        assertThat(year.getDouble("official_website_rating_result.official_website_amount")).isEqualTo(1560.00);
        JsonPath hongKong = period(newCustomerId(), List.of(vm("h", "s6.large.2.linux", "ap-southeast-1", 2, 1, 1)))
                .statusCode(200).extract().jsonPath();
        assertThat(hongKong.getDouble("official_website_rating_result.official_website_amount")).isEqualTo(187.20);
    }

    @Test
    void promotionsAndCommercialDiscountsAreOfferedAndTheBestCommercialIsMarked() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        grant(id, "D-ECS-80-" + id, "hws.service.type.ec2", 1, "0.8").statusCode(200);
        grant(id, "D-ALL-90-" + id, null, null, "0.9").statusCode(200);
        JsonPath rating = period(id, List.of(vm("a", "s6.large.2.linux", "cn-north-4", 3, 1, 1),
                disk("b", "SSD", 100, 17, 3, 1))).statusCode(200).extract().jsonPath();
        assertThat(rating.getDouble("official_website_rating_result.official_website_amount"))
                .isEqualTo(1560.00 + 1000.00);
        Map<String, Object> ecs80 = discount(rating, "D-ECS-80-" + id);
        assertThat(ecs80.get("discount_amount")).isEqualTo(312.0f);
        assertThat(ecs80.get("best_offer")).isEqualTo(1);
        Map<String, Object> all90 = discount(rating, "D-ALL-90-" + id);
        assertThat(all90.get("discount_amount")).isEqualTo(256.0f);
        assertThat(all90.get("best_offer")).isEqualTo(0);
        assertThat(ecs80.get("discount_type")).isEqualTo(605);
        Map<String, Object> promotion = discount(rating, "PROMO-ECS-YEARLY");
        assertThat(promotion.get("discount_amount")).isEqualTo(234.0f);
        assertThat(promotion.get("best_offer")).isEqualTo(0);
        assertThat(rating.getList("optional_discount_rating_results.findAll { it.best_offer == 1 }.discount_id"))
                .containsExactly("D-ECS-80-" + id);
    }

    @Test
    void discountsOfOtherCustomersNeverApply() {
        String rich = newCustomerId();
        register(rich, null).statusCode(200);
        grant(rich, "D-RICH-" + rich, null, null, "0.5").statusCode(200);
        JsonPath other = period(newCustomerId(), List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 1)))
                .statusCode(200).extract().jsonPath();
        assertThat(other.getList("optional_discount_rating_results")).isEmpty();
    }

    @Test
    void concurrentFirstGrantsOfOneDiscountAllSucceedAndAnotherCustomerCannotTakeItsId() {
        String owner = newCustomerId();
        register(owner, null).statusCode(200);
        String discountId = "D-RACE-" + owner;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> sent = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> grant(owner, discountId, null, null, "0.8").extract().statusCode(), threads)).toList();
            assertThat(sent.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            threads.shutdown();
        }
        String other = newCustomerId();
        register(other, null).statusCode(200);
        grant(other, discountId, null, null, "0.1").statusCode(403);
    }

    @Test
    void linearProductsArePricedBySizeInTheirUnit() {
        JsonPath gb = period(newCustomerId(), List.of(disk("d", "SSD", 100, 17, 2, 1))).statusCode(200).extract()
                .jsonPath();
        assertThat(gb.getDouble("official_website_rating_result.official_website_amount")).isEqualTo(100.00);
        JsonPath tb = period(newCustomerId(), List.of(disk("d", "SSD", 1, 19, 2, 1))).statusCode(200).extract()
                .jsonPath();
        assertThat(tb.getDouble("official_website_rating_result.official_website_amount")).isEqualTo(1024.00);
        Map<String, Object> noSize = disk("d", "SSD", 1, 17, 2, 1);
        noSize.remove("resource_size");
        period(newCustomerId(), List.of(noSize)).statusCode(400).body("error_msg",
                containsString("product_infos[0].resource_size"));
        period(newCustomerId(), List.of(disk("d", "SSD", 1, 4, 2, 1))).statusCode(400).body("error_msg",
                containsString("product_infos[0].size_measure_id"));
    }

    @Test
    void unknownProductsPeriodsAndAmountsAreRefusedWithTheirCodes() {
        String id = newCustomerId();
        period(id, List.of(vm("a", "s9.huge.linux", "cn-north-4", 2, 1, 1))).statusCode(400)
                .body("error_code", equalTo("CBC.99006006"));
        period(id, List.of(vm("a", "s6.large.2.linux", "mars-1", 2, 1, 1))).statusCode(400)
                .body("error_code", equalTo("CBC.99006006"));
        period(id, List.of(vm("a", "s6.large.2.linux", "cn-north-4", 0, 1, 1))).statusCode(400)
                .body("error_code", equalTo("CBC.99006006"));
        period(id, List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 61, 1))).statusCode(400)
                .body("error_code", equalTo("CBC.99000092"));
        period(id, List.of(vm("a", "c6.2xlarge.4.linux", "cn-north-4", 3, 5, 10000))).statusCode(400)
                .body("error_code", equalTo("CBC.99006055"));
    }

    @Test
    void badInquiriesNameTheParameter() {
        String id = newCustomerId();
        Map<String, Object> body = new HashMap<>(Map.of("product_infos",
                List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 1))));
        post(id, PERIOD, body).statusCode(400).body("error_msg", containsString("project_id"));
        post(id, PERIOD, Map.of("project_id", "p", "product_infos", List.of())).statusCode(400)
                .body("error_msg", containsString("product_infos"));
        post(id, PERIOD, Map.of("project_id", "p", "product_infos", List.of(vm("a", "s6.large.2.linux",
                "cn-north-4", 2, 1, 1), vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 1)))).statusCode(400)
                .body("error_msg", containsString("product_infos[1].id"));
        Map<String, Object> badType = vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 1);
        badType.put("period_num", "many");
        period(id, List.of(badType)).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("period_num"));
        period(id, List.of(vm("a", "s6.large.2.linux", "cn-north-4", 7, 1, 1))).statusCode(400)
                .body("error_msg", containsString("period_type"));
        period(id, List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 10001))).statusCode(400)
                .body("error_msg", containsString("subscription_num"));
        given().header("Authorization", customer(id)).contentType(ContentType.JSON).body("[1,2]").post(PERIOD)
                .then().statusCode(400).body("error_code", equalTo("CBC.0100"));
    }

    @Test
    void payPerUseIsPricePerUnitOfUsageConvertedToThePriceUnit() {
        String id = newCustomerId();
        JsonPath hours = onDemand(id, null, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm",
                "s6.large.2.linux", null, null, "Duration", "24", 4, 1))).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(hours.getString("official_website_amount")).isEqualTo("7.200000");
        JsonPath day = onDemand(id, null, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm",
                "s6.large.2.linux", null, null, "Duration", "1", 5, 1))).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(day.getString("official_website_amount")).isEqualTo("7.200000");
        JsonPath disk = onDemand(id, 1, List.of(usage("d", "hws.service.type.ebs", "hws.resource.type.volume", "SSD",
                100, 17, "duration", "1", 4, 3))).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(disk.getString("official_website_amount")).isEqualTo("0.4200000000");
        onDemand(id, null, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm", "s6.large.2.linux",
                null, null, "Duration", "1", 10, 1))).statusCode(400)
                .body("error_msg", containsString("product_infos[0].usage_measure_id"));
        onDemand(id, null, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm", "s6.large.2.linux",
                null, null, "upflow", "1", 10, 1))).statusCode(400).body("error_code", equalTo("CBC.99006006"));
        onDemand(id, 2, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm", "s6.large.2.linux",
                null, null, "Duration", "1", 4, 1))).statusCode(400).body("error_msg",
                containsString("inquiry_precision"));
    }

    @Test
    void payPerUseCommercialDiscountIsShownAndApplied() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        grant(id, "D-OD-70-" + id, null, 3, "0.7").statusCode(200);
        grant(id, "D-PERIOD-ONLY-" + id, null, 1, "0.5").statusCode(200);
        JsonPath rating = onDemand(id, null, List.of(usage("v", "hws.service.type.ec2", "hws.resource.type.vm",
                "s6.large.2.linux", null, null, "Duration", "10", 4, 1))).statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(rating.getString("official_website_amount")).isEqualTo("3.000000");
        assertThat(rating.getString("discount_amount")).isEqualTo("0.900000");
        assertThat(rating.getString("amount")).isEqualTo("2.100000");
        assertThat(rating.getList("product_rating_results[0].discount_rating_results.discount_id"))
                .containsExactly("D-OD-70-" + id);
    }

    @Test
    void internalRatingGivesTheDiscountAnOrderApplies() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        grant(id, "D-ORDER-" + id, "hws.service.type.ec2", 1, "0.8").statusCode(200);
        given().header("Authorization", InternalKeys.bearer("billing-service",
                        io.openbss.common.identity.CallerIdentity.service("orders-service")))
                .contentType(ContentType.JSON).body(Map.of("customer_id", id, "product_infos",
                        List.of(vm("a", "s6.large.2.linux", "cn-north-4", 3, 1, 1))))
                .post("/internal/v1/ratings/period").then().statusCode(200)
                .body("items[0].official_amount", equalTo(1560.0f))
                .body("items[0].best_discount.discount_id", equalTo("D-ORDER-" + id))
                .body("items[0].amount", equalTo(1248.0f))
                .body("amount", equalTo(1248.0f));
        given().header("Authorization", customer(id)).contentType(ContentType.JSON)
                .body(Map.of("customer_id", id, "product_infos", List.of()))
                .post("/internal/v1/ratings/period").then().statusCode(403);
    }

    @Test
    void internalRatingNamesEachItemsProductAndResourceType() {
        String id = newCustomerId();
        given().header("Authorization", InternalKeys.bearer("billing-service",
                        io.openbss.common.identity.CallerIdentity.service("orders-service")))
                .contentType(ContentType.JSON).body(Map.of("customer_id", id, "product_infos",
                        List.of(vm("a", "s6.large.2.linux", "cn-north-4", 2, 1, 1), disk("b", "SSD", 40, 17, 2, 1))))
                .post("/internal/v1/ratings/period").then().statusCode(200)
                .body("items[0].id", equalTo("a"))
                .body("items[0].product_id", startsWith("OFFI"))
                .body("items[0].resource_type_name", equalTo("云主机"))
                .body("items[1].id", equalTo("b"))
                .body("items[1].product_id", startsWith("OFFI"))
                .body("items[1].resource_type_name", equalTo("云硬盘"));
    }

    static Map<String, Object> vm(String id, String spec, String region, int periodType, int periodNum, int quantity) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id);
        item.put("cloud_service_type", "hws.service.type.ec2");
        item.put("resource_type", "hws.resource.type.vm");
        item.put("resource_spec", spec);
        item.put("region", region);
        item.put("period_type", periodType);
        item.put("period_num", periodNum);
        item.put("subscription_num", quantity);
        return item;
    }

    static Map<String, Object> disk(String id, String spec, int size, int sizeMeasure, int periodType, int periodNum) {
        Map<String, Object> item = vm(id, spec, "cn-north-4", periodType, periodNum, 1);
        item.put("cloud_service_type", "hws.service.type.ebs");
        item.put("resource_type", "hws.resource.type.volume");
        item.put("resource_size", size);
        item.put("size_measure_id", sizeMeasure);
        return item;
    }

    static Map<String, Object> usage(String id, String service, String resourceType, String spec, Integer size,
            Integer sizeMeasure, String factor, String value, int usageMeasure, int quantity) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id);
        item.put("cloud_service_type", service);
        item.put("resource_type", resourceType);
        item.put("resource_spec", spec);
        item.put("region", "cn-north-4");
        item.put("resource_size", size);
        item.put("size_measure_id", sizeMeasure);
        item.put("usage_factor", factor);
        item.put("usage_value", new java.math.BigDecimal(value));
        item.put("usage_measure_id", usageMeasure);
        item.put("subscription_num", quantity);
        return item;
    }

    static Map<String, Object> discount(JsonPath rating, String id) {
        return rating.getMap("optional_discount_rating_results.find { it.discount_id == '" + id + "' }");
    }

    static ValidatableResponse period(String customerId, List<Map<String, Object>> items) {
        return post(customerId, PERIOD, Map.of("project_id", "p-1", "product_infos", items));
    }

    static ValidatableResponse onDemand(String customerId, Integer precision, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>(Map.of("project_id", "p-1", "product_infos", items));
        body.put("inquiry_precision", precision);
        return post(customerId, ON_DEMAND, body);
    }

    static ValidatableResponse post(String customerId, String path, Object body) {
        return given().header("Authorization", customer(customerId)).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    static ValidatableResponse grant(String customerId, String discountId, String service, Integer mode, String rate) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "discount " + discountId);
        body.put("service_type_code", service);
        body.put("charging_mode", mode);
        body.put("discount_rate", new java.math.BigDecimal(rate));
        body.put("valid_from", "2026-01-01T00:00:00Z");
        body.put("valid_to", "2036-01-01T00:00:00Z");
        return given().header("Authorization", operator()).contentType(ContentType.JSON).body(body)
                .put("/internal/v1/customers/{c}/discounts/{d}", customerId, discountId).then();
    }
}
