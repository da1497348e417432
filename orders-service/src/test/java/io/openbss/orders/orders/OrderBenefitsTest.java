package io.openbss.orders.orders;

import static io.openbss.orders.OrderFixtures.customerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderBenefitsTest {

    static final String DISCOUNTS = "/v2/orders/customer-orders/order-discounts";
    static final String COUPONS = "/v2/orders/customer-orders/order-coupons";

    String customer;
    String orderId;

    @BeforeEach
    void aPendingOrder() {
        customer = OrderFixtures.newCustomer();
        orderId = OrderFixtures.serverWithDisk(customer).getString("order_id");
        FakeBilling.fund(customer, "1000.00");
    }

    @AfterEach
    void billingRecovers() {
        FakeBilling.recover();
    }

    @Test
    void aPendingOrderListsBillingsOfferWithItsTotalAndLines() {
        JsonPath discounts = get(DISCOUNTS, customer, orderId).statusCode(200).extract().jsonPath();
        assertThat(discounts.getList("discounts")).hasSize(1);
        assertThat(discounts.getString("discounts[0].discount_id")).isEqualTo(FakeBilling.DISCOUNT_ID);
        assertThat(discounts.getString("discounts[0].discount_value")).isEqualTo("20.00");
        assertThat(discounts.getInt("discounts[0].discount_type")).isEqualTo(2);
        assertThat(discounts.getList("discounts[0].orders.order_id")).containsExactly(orderId);
        assertThat(discounts.getList("discounts[0].orders[0].order_line_items.order_line_item_ids"))
                .containsExactly(List.of(orderId + "-1"), List.of(orderId + "-2"));
        assertThat(discounts.getList("discounts[0].orders[0].order_line_items.discount_amount", Double.class))
                .containsExactly(10.0, 10.0);
        assertThat(discounts.getList("discounts[0].orders[0].order_line_items.discount_mode"))
                .containsExactly(2, 2);
    }

    @Test
    void everyViewTypesTheCommercialDiscountBillingPricedTheOrderWith() {
        // billing prices the order with a commercial discount, 605 as ListRenewRateOnPeriod shows it
        assertThat(get(CustomerOrdersResourceTest.PATH, customer, orderId).statusCode(200).extract().jsonPath()
                .getString("order_infos[0].amount_info.discounts[0].discount_type")).isEqualTo("605");
        JsonPath details = given().header("Authorization", customerToken(customer))
                .get(CustomerOrdersResourceTest.PATH + "/details/" + orderId).then().statusCode(200).extract().jsonPath();
        assertThat(details.getList("order_info.amount_info.discounts.discount_type")).containsExactly("605");
        assertThat(details.getList("order_line_items.collect { it.amount_info.discounts[0].discount_type }"))
                .containsOnly("605");
        // ListOrderDiscounts (DiscountInfoV3) codes the same kind as 2, 商务优惠
        assertThat(get(DISCOUNTS, customer, orderId).extract().jsonPath().getInt("discounts[0].discount_type"))
                .isEqualTo(2);
    }

    @Test
    void anOrderNoLongerWaitingForPaymentHasNoDiscountsOrCoupons() {
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(200);
        get(DISCOUNTS, customer, orderId).statusCode(200).body("discounts.size()", equalTo(0));
        get(COUPONS, customer, orderId).statusCode(200).body("count", equalTo(0))
                .body("user_coupons.size()", equalTo(0)).body("coupon_max_use_quantity.size()", equalTo(0));

        String cancelled = OrderFixtures.serverWithDisk(customer).getString("order_id");
        OrderCancellationTest.cancel(customer, Map.of("order_id", cancelled)).statusCode(200);
        get(DISCOUNTS, customer, cancelled).statusCode(200).body("discounts.size()", equalTo(0));
        get(COUPONS, customer, cancelled).statusCode(200).body("count", equalTo(0));
    }

    @Test
    void aPendingOrderListsTheCouponsBillingFindsForIt() {
        FakeBilling.giveCashCoupon(customer, "CP-" + customer, "50.00");
        get(COUPONS, customer, orderId).statusCode(200).body("count", equalTo(1))
                .body("user_coupons[0].coupon_id", equalTo("CP-" + customer))
                .body("user_coupons[0].coupon_type", equalTo(1))
                .body("user_coupons[0].face_value", equalTo(50.0f))
                .body("coupon_max_use_quantity.size()", equalTo(2));
    }

    @Test
    void theMasterPayingForASubAccountSeesItsOffers() {
        String master = OrderFixtures.newCustomer();
        FakeBilling.giveCashCoupon(master, "CP-" + master, "50.00");
        String subOrder = OrderDetailsTest.purchasePaidBy(customer, master);
        get(DISCOUNTS, master, subOrder).statusCode(200).body("discounts[0].discount_value", equalTo("10.00"));
        get(COUPONS, master, subOrder).statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aBillingOutageIsAnInternalErrorNotAnEmptyList() {
        FakeBilling.fail(FakeBilling.Mode.DOWN, Integer.MAX_VALUE);
        get(COUPONS, customer, orderId).statusCode(500).body("error_code", equalTo("CBC.0999"));
    }

    @Test
    void anOrderImportedWithoutLineItemsHasNoCoupons() {
        Map<String, Object> imported = new HashMap<>(OrderImportResourceTest.order("CSNOLINES" + customer, 6));
        imported.put("customer_id", customer);
        OrdersTestSupport.importOrders(List.of(imported));
        // billing refuses an empty list of services: the caller must not hear of that parameter
        get(COUPONS, customer, "CSNOLINES" + customer).statusCode(200).body("count", equalTo(0))
                .body("user_coupons.size()", equalTo(0)).body("coupon_max_use_quantity.size()", equalTo(0));
    }

    @Test
    void aParameterErrorOfBillingIsAnInternalErrorNotTheCallersParameter() {
        FakeBilling.fail(FakeBilling.Mode.MALFORMED, Integer.MAX_VALUE);
        get(COUPONS, customer, orderId).statusCode(500).body("error_code", equalTo("CBC.0999"))
                .body("error_msg", not(containsString("idempotency_key")));
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(500)
                .body("error_code", equalTo("CBC.0999")).body("error_msg", not(containsString("idempotency_key")));
        FakeBilling.recover();
        // the refusal ended the attempt: the order waits for payment again
        OrderFixtures.pay(customer, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(200);
    }

    @Test
    void anotherCustomersOrderIsRefusedAndAnUnknownOneIsInvalid() {
        String stranger = OrderFixtures.newCustomer();
        for (String path : new String[] {DISCOUNTS, COUPONS}) {
            get(path, stranger, orderId).statusCode(403).body("error_code", equalTo("CBC.0150"));
            get(path, customer, "CS-no-such-order").statusCode(400).body("error_code", equalTo("CBC.0101"));
        }
    }

    @Test
    void theOrderIdIsRequired() {
        for (String path : new String[] {DISCOUNTS, COUPONS}) {
            given().header("Authorization", customerToken(customer)).get(path).then().statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("order_id"));
            get(path, customer, "").statusCode(400).body("error_msg", containsString("order_id"));
            get(path, customer, "C".repeat(65)).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("order_id"));
        }
    }

    static ValidatableResponse get(String path, String caller, String orderId) {
        return given().header("Authorization", customerToken(caller)).queryParam("order_id", orderId).get(path)
                .then();
    }
}
