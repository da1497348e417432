package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.coupons.CouponApi.VALID;
import static io.openbss.billing.coupons.CouponApi.give;
import static io.openbss.billing.coupons.CouponApi.issue;
import static io.openbss.billing.coupons.CouponApi.received;
import static io.openbss.billing.coupons.CouponApi.reclaim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class ReceivedCouponsTest {

    @Inject
    Pool pool;

    @Test
    void listsWhatTheSubAccountHoldsFromTheMastersCoupons() {
        String master = funded("0");
        String otherMaster = funded("0");
        String sub = funded("0");
        String later = issue(master, "30.00");
        String sooner = issue(master, 1, "20.00", VALID, "2035-06-01T00:00:00Z", Map.of());
        String fromLater = give(later, sub, "10.00");
        String fromSooner = give(sooner, sub, "5.50");
        String reclaimed = give(later, sub, "3.00");
        reclaim(reclaimed, Map.of("idempotency_key", "back-" + reclaimed)).statusCode(200);
        String spent = give(later, sub, "2.00");
        charge("spend-" + spent, sub, List.of(line("hws.service.type.ec2", "2.00")),
                Map.of("coupon_ids", List.of(spent))).statusCode(200);
        String expired = give(later, sub, "1.00");
        expire(expired);
        String fromOther = give(issue(otherMaster, "40.00"), sub, "6.00");
        issue(sub, "4.00");

        JsonPath page = received(sub, Map.of("from_customer_id", master)).statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(2);
        assertThat(page.getList("coupons.coupon_id")).containsExactly(sooner, later);
        assertThat(page.getList("coupons.sub_coupon_id")).containsExactly(fromSooner, fromLater);
        assertThat(page.getList("coupons.balance")).containsExactly("5.50", "10.00");
        assertThat(page.getString("coupons[0].effective_time")).isEqualTo(VALID);
        assertThat(page.getString("coupons[0].expire_time")).isEqualTo("2035-06-01T00:00:00Z");
        assertThat(page.getString("coupons[0].plan_name")).isEqualTo("enterprise plan");
        assertThat(page.getList("coupons[0].use_limits")).isEmpty();

        assertThat(received(sub, Map.of("from_customer_id", otherMaster)).statusCode(200).extract().jsonPath()
                .getList("coupons.sub_coupon_id")).containsExactly(fromOther);
        received(master, Map.of("from_customer_id", sub)).statusCode(200).body("total_count", equalTo(0));
    }

    @Test
    void pagesKeepTheTotalCount() {
        String master = funded("0");
        String sub = funded("0");
        String coupon = issue(master, "30.00");
        String first = give(coupon, sub, "1.00");
        String second = give(coupon, sub, "2.00");
        List<String> order = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);

        JsonPath page = received(sub, Map.of("from_customer_id", master, "offset", "1", "limit", "1"))
                .statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(2);
        assertThat(page.getList("coupons.sub_coupon_id")).containsExactly(order.get(1));
        received(sub, Map.of("from_customer_id", master, "offset", "5")).statusCode(200)
                .body("total_count", equalTo(2)).body("coupons.size()", equalTo(0));
    }

    @Test
    void badInputNamesTheParameter() {
        String master = funded("0");
        String sub = funded("0");
        received(sub, Map.of()).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("from_customer_id"));
        received(sub, Map.of("from_customer_id", "")).statusCode(400)
                .body("error_msg", containsString("from_customer_id"));
        received(sub, Map.of("from_customer_id", "x".repeat(65))).statusCode(400)
                .body("error_msg", containsString("from_customer_id"));
        for (Map.Entry<String, String> bad : Map.of("offset", "-1", "limit", "101").entrySet()) {
            received(sub, Map.of("from_customer_id", master, bad.getKey(), bad.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(bad.getKey()));
        }
    }

    @Test
    void unknownCustomersAreRefused() {
        String known = funded("0");
        String unknown = newCustomerId();
        received(unknown, Map.of("from_customer_id", known)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Customer " + unknown + " is not registered with billing"));
        received(known, Map.of("from_customer_id", unknown)).statusCode(400).body("error_code", equalTo("CBC.0101"))
                .body("error_msg", containsString(unknown));
    }

    /** Time passes for one coupon: it expired a moment ago. */
    private void expire(String couponId) {
        pool.preparedQuery("UPDATE coupon SET valid_time = now() - interval '2 days', "
                + "expire_time = now() - interval '1 second' WHERE coupon_id = $1")
                .execute(Tuple.of(couponId)).await().indefinitely();
    }
}
