package io.openbss.orders.orders;

import static io.openbss.orders.OrderFixtures.customerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderDetailsTest {

    static final String PATH = "/v2/orders/customer-orders/details/";
    static final String WIRE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    final String customer = OrderFixtures.newCustomer();

    @Test
    void aPendingOrderShowsItsAmountsWindowAndLines() {
        JsonPath created = OrderFixtures.serverWithDisk(customer);
        String orderId = created.getString("order_id");
        JsonPath details = details(customer, orderId, Map.of()).statusCode(200).extract().jsonPath();

        assertThat(details.getInt("total_count")).isEqualTo(2);
        assertThat(details.getString("order_info.order_id")).isEqualTo(orderId);
        assertThat(details.getString("order_info.customer_id")).isEqualTo(customer);
        assertThat(details.getInt("order_info.status")).isEqualTo(6);
        assertThat(details.getInt("order_info.order_type")).isEqualTo(1);
        assertThat(details.getInt("order_info.source_type")).isEqualTo(1);
        assertThat(details.getInt("order_info.measure_id")).isEqualTo(1);
        assertThat(details.getString("order_info.service_type_code")).isEqualTo("hws.service.type.ec2");
        assertThat(details.getString("order_info.currency")).isEqualTo("CNY");
        assertThat(details.getDouble("order_info.official_amount")).isEqualTo(200.0);
        assertThat(details.getDouble("order_info.amount_after_discount")).isEqualTo(180.0);
        assertThat(details.getString("order_info.amount_info.discounts[0].discount_type")).isEqualTo("605");
        assertThat(details.getDouble("order_info.amount_info.discounts[0].discount_amount")).isEqualTo(20.0);
        assertThat(details.getDouble("order_info.amount_info.coupon_amount")).isZero();
        assertThat(details.getString("order_info.payment_time")).isNull();
        Instant created_ = Instant.parse(details.getString("order_info.create_time"));
        assertThat(details.getString("order_info.create_time")).matches(WIRE_TIME);
        assertThat(Instant.parse(details.getString("order_info.pending_payment_end_time")))
                .isEqualTo(created_.plus(Duration.ofDays(7)));

        assertThat(details.getList("order_line_items.order_line_item_id"))
                .containsExactly(orderId + "-1", orderId + "-2");
        assertThat(details.getList("order_line_items.order_id")).containsOnly(orderId);
        assertThat(details.getList("order_line_items.service_type_code"))
                .containsExactly("hws.service.type.ec2", "hws.service.type.ebs");
        assertThat(details.getList("order_line_items.commercial_resource"))
                .containsExactly("hws.resource.type.vm", "hws.resource.type.volume");
        assertThat(details.getList("order_line_items.product_owner_service"))
                .containsExactly("hws.service.type.ec2", "hws.service.type.ebs");
        assertThat(details.getList("order_line_items.product_id")).containsExactly("P-s6.large.2.linux", "P-SSD");
        assertThat(details.getList("order_line_items.base_product_info.product_id"))
                .containsExactly("P-s6.large.2.linux", "P-SSD");
        assertThat(details.getList("order_line_items.period_type")).containsExactly(2, 2);
        assertThat(details.getList("order_line_items.period_num")).containsExactly(1, 1);
        assertThat(details.getList("order_line_items.subscription_num")).containsExactly(1, 1);
        assertThat(details.getList("order_line_items.official_amount", Double.class)).containsExactly(100.0, 100.0);
        assertThat(details.getList("order_line_items.amount_after_discount", Double.class))
                .containsExactly(90.0, 90.0);
        assertThat(details.getList("order_line_items.collect { it.amount_info.discounts[0].discount_amount }",
                Double.class)).containsExactly(10.0, 10.0);
        assertThat(details.getList("order_line_items.collect { it.amount_info.discounts[0].discount_type }"))
                .containsExactly("605", "605");
        assertThat(details.getList("order_line_items.currency")).containsOnly("CNY");
        assertThat(details.getList("order_line_items.effective_time")).containsOnlyNulls();
    }

    @Test
    void aPaidOrderShowsItsPaymentAndThePeriodOfEachLine() {
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        FakeBilling.fund(customer, "1000.00");
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(200);

        JsonPath details = details(customer, orderId, Map.of()).statusCode(200).extract().jsonPath();
        assertThat(details.getInt("order_info.status")).isEqualTo(5);
        assertThat(details.getString("order_info.payment_time")).matches(WIRE_TIME);
        assertThat(details.getDouble("order_info.amount_info.consumed_amount")).isEqualTo(180.0);
        for (int i = 0; i < 2; i++) {
            Instant effective = Instant.parse(details.getString("order_line_items[" + i + "].effective_time"));
            Instant expire = Instant.parse(details.getString("order_line_items[" + i + "].expire_time"));
            assertThat(expire).isEqualTo(effective.atZone(ZoneOffset.ofHours(8)).plusMonths(1).toInstant());
        }
    }

    @Test
    void aLinePaidWithoutDiscountShowsTheOfficialPrice() {
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        FakeBilling.fund(customer, "1000.00");
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO", "use_discount", "NO"))
                .statusCode(200);

        JsonPath details = details(customer, orderId, Map.of()).statusCode(200).extract().jsonPath();
        assertThat(details.getDouble("order_info.amount_after_discount")).isEqualTo(200.0);
        assertThat(details.getList("order_line_items.amount_after_discount", Double.class))
                .containsExactly(100.0, 100.0);
        assertThat(details.getList("order_line_items.amount_info.discounts")).allMatch(d -> ((List<?>) d).isEmpty());
    }

    @Test
    void lineItemsArePagedInLineOrder() {
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        JsonPath second = details(customer, orderId, Map.of("offset", "1", "limit", "1")).statusCode(200)
                .extract().jsonPath();
        assertThat(second.getInt("total_count")).isEqualTo(2);
        assertThat(second.getList("order_line_items.order_line_item_id")).containsExactly(orderId + "-2");
        JsonPath first = details(customer, orderId, Map.of("limit", "1", "offset", "")).statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("order_line_items.order_line_item_id")).containsExactly(orderId + "-1");
        JsonPath past = details(customer, orderId, Map.of("offset", "2")).statusCode(200).extract().jsonPath();
        assertThat(past.getInt("total_count")).isEqualTo(2);
        assertThat(past.getList("order_line_items")).isEmpty();
        assertThat(past.getString("order_info.order_id")).isEqualTo(orderId);
    }

    @Test
    void theMasterPayingForASubAccountSeesItsOrder() {
        String master = OrderFixtures.newCustomer();
        String orderId = purchasePaidBy(customer, master);
        details(master, orderId, Map.of()).statusCode(200).body("order_info.customer_id", equalTo(customer));
        details(customer, orderId, Map.of()).statusCode(200);
    }

    @Test
    void anotherCustomersOrderIsRefusedAndAnUnknownOneIsInvalid() {
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        details(OrderFixtures.newCustomer(), orderId, Map.of()).statusCode(403)
                .body("error_code", equalTo("CBC.0150"));
        details(customer, "CS-no-such-order", Map.of()).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString("CS-no-such-order"));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        String orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        Map<String, String> bad = new HashMap<>();
        bad.put("limit", "0");
        bad.put("offset", "-1");
        bad.put("indirect_partner_id", "p".repeat(65));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            details(customer, orderId, Map.of(e.getKey(), e.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(e.getKey()));
        }
        details(customer, orderId, Map.of("limit", "101")).statusCode(400).body("error_msg", containsString("limit"));
        details(customer, orderId, Map.of("limit", "ten")).statusCode(400).body("error_msg", containsString("limit"));
        details(customer, orderId, Map.of("offset", "1.5")).statusCode(400)
                .body("error_msg", containsString("offset"));
        given().header("Authorization", customerToken(customer)).header("X-Language", "fr_FR")
                .get(PATH + orderId).then().statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("X-Language"));
        given().header("Authorization", customerToken(customer)).header("X-Language", "en_US")
                .get(PATH + orderId).then().statusCode(200);
        details(customer, "C".repeat(65), Map.of()).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("order_id"));
    }

    static ValidatableResponse details(String caller, String orderId, Map<String, String> params) {
        return given().header("Authorization", customerToken(caller)).queryParams(params).get(PATH + orderId)
                .then();
    }

    /** A new order of {@code customer} that {@code payer} (its enterprise master) pays. */
    static String purchasePaidBy(String customer, String payer) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", UUID.randomUUID().toString());
        body.put("customer_id", customer);
        body.put("payer_customer_id", payer);
        body.put("products", List.of(OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1)));
        return given().header("Authorization", InternalKeys.bearer(OrderFixtures.AUDIENCE,
                        CallerIdentity.service("test-cloud")))
                .contentType(ContentType.JSON).body(body).post("/internal/v1/purchases").then().statusCode(201)
                .extract().path("order_id");
    }
}
