package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.coupons.CouponApi.FAR;
import static io.openbss.billing.coupons.CouponApi.VALID;
import static io.openbss.billing.coupons.CouponApi.give;
import static io.openbss.billing.coupons.CouponApi.issue;
import static io.openbss.billing.coupons.CouponApi.transferable;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class TransferableCouponsTest {

    @Test
    void onlyOwnCashCouponsValidNowWithValueLeftAreTransferable() {
        String master = funded("0");
        String sub = funded("0");
        String limited = issue(master, 1, "30.00", VALID, FAR, Map.of("service_type_codes",
                List.of("hws.service.type.ec2", "hws.service.type.evs"), "min_order_amount", new BigDecimal("100.00")));
        String sooner = issue(master, 1, "12.50", VALID, "2035-06-01T00:00:00Z", Map.of());
        String spent = issue(master, "5.00");
        give(spent, sub, "5.00");
        issue(master, 1, "7.00", "2035-01-01T00:00:00Z", FAR, Map.of());
        issue(master, 1, "8.00", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", Map.of());
        issue(master, 2, "9.00", VALID, FAR, Map.of("discount_rate", new BigDecimal("0.9000")));
        String received = give(limited, sub, "10.00");
        String subsOwn = issue(sub, "4.00");

        JsonPath page = transferable(master, Map.of()).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(2);
        assertThat(page.getList("coupons.coupon_id")).containsExactly(sooner, limited);
        assertThat(page.getList("coupons.balance")).containsExactly("12.50", "20.00");
        assertThat(page.getMap("coupons[0]")).doesNotContainKey("sub_coupon_id");
        assertThat(page.getString("coupons[0].plan_name")).isEqualTo("enterprise plan");
        assertThat(page.getString("coupons[0].effective_time")).isEqualTo(VALID);
        assertThat(page.getString("coupons[0].expire_time")).isEqualTo("2035-06-01T00:00:00Z");
        assertThat(page.getList("coupons[0].use_limits")).isEmpty();
        assertThat(page.getList("coupons[1].use_limits.limit_key")).containsExactly("cloudServiceType", "orderAmount");
        assertThat(page.getString("coupons[1].use_limits[0].value1"))
                .isEqualTo("hws.service.type.ec2,hws.service.type.evs");
        assertThat(page.getString("coupons[1].use_limits[0].limit_type")).isEqualTo("INCLUDE");
        assertThat(page.getString("coupons[1].use_limits[1].value1")).isEqualTo("100.00");
        assertThat(page.getString("coupons[1].use_limits[1].value_unit")).isEqualTo("CNY");
        assertThat(page.getString("coupons[1].use_limits[1].use_limiti_info_id")).isNotBlank();

        JsonPath subs = transferable(sub, Map.of()).statusCode(200).extract().jsonPath();
        assertThat(subs.getList("coupons.coupon_id")).containsExactly(subsOwn).doesNotContain(received);
    }

    @Test
    void pagesKeepTheTotalCount() {
        String master = funded("0");
        String first = issue(master, 1, "1.00", VALID, "2034-01-01T00:00:00Z", Map.of());
        String second = issue(master, 1, "2.00", VALID, "2035-01-01T00:00:00Z", Map.of());
        String third = issue(master, 1, "3.00", VALID, FAR, Map.of());

        JsonPath page = transferable(master, Map.of("limit", "2")).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(3);
        assertThat(page.getList("coupons.coupon_id")).containsExactly(first, second);
        page = transferable(master, Map.of("offset", "2", "limit", "2")).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(3);
        assertThat(page.getList("coupons.coupon_id")).containsExactly(third);
        page = transferable(master, Map.of("offset", "10")).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(3);
        assertThat(page.getList("coupons")).isEmpty();
    }

    @Test
    void badPagingNamesTheParameter() {
        String master = funded("0");
        for (Map.Entry<String, String> bad : List.of(Map.entry("offset", "-1"), Map.entry("offset", "x"),
                Map.entry("offset", "2147483648"), Map.entry("limit", "0"), Map.entry("limit", "101"),
                Map.entry("limit", "ten"))) {
            transferable(master, Map.of(bad.getKey(), bad.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(bad.getKey()));
        }
        transferable(master, Map.of("offset", "2147483647", "limit", "100")).statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void anUnknownCustomerIsRefused() {
        String unknown = newCustomerId();
        transferable(unknown, Map.of()).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Customer " + unknown + " is not registered with billing"));
    }

    @Test
    void customersCannotCallIt() {
        String master = funded("0");
        given().header("Authorization", customer(master)).get("/internal/v1/customers/{id}/transferable-coupons",
                master).then().statusCode(403);
    }
}
