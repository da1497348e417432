package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.coupons.CouponApi.give;
import static io.openbss.billing.coupons.CouponApi.issue;
import static io.openbss.billing.coupons.CouponApi.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class CouponTransferTest {

    @Inject
    Pool pool;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    @Test
    void aCouponOfAnotherCustomerIsAnsweredAsOneThatDoesNotExist() {
        String master = funded("0");
        String stranger = funded("0");
        String sub = funded("0");
        String coupon = issue(master, "30.00");

        transfer(coupon, "steal-" + coupon, sub, "10.00", stranger).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("No coupon " + coupon + " of customer " + stranger));
        transfer("CPnosuchcoupon", "none-" + coupon, sub, "10.00", stranger).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("No coupon CPnosuchcoupon of customer " + stranger));
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("30.00");

        String given = transfer(coupon, "give-" + coupon, sub, "10.00", master).statusCode(200).extract().path("id");
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("20.00");
        assertThat(probe.instrumentBalance(given)).isEqualByComparingTo("10.00");
    }

    @Test
    void aReceivedCouponCannotBeGivenOn() {
        String master = funded("0");
        String sub = funded("0");
        String received = give(issue(master, "30.00"), sub, "10.00");

        transfer(received, "onwards-" + received, master, "5.00", sub).statusCode(400)
                .body("error_code", equalTo("CBC.0101")).body("error_msg", containsString(received));
        assertThat(probe.instrumentBalance(received)).isEqualByComparingTo("10.00");
    }

    @Test
    void moreThanTheCouponHoldsIsInsufficientBalance() {
        String master = funded("0");
        String sub = funded("0");
        String coupon = issue(master, "30.00");

        transfer(coupon, "too-much-" + coupon, sub, "30.01", master).statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("30.00");
        assertThat(probe.count("SELECT count(*) FROM coupon WHERE source_id = $1", coupon)).isZero();

        transfer(coupon, "all-" + coupon, sub, "30.00", master).statusCode(200);
        transfer(coupon, "more-" + coupon, sub, "0.01", master).statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        probe.assertInvariants();
    }

    @Test
    void theSameKeyKeepsAnsweringTheFirstCouponAfterTheBalanceChanged() {
        String master = funded("0");
        String sub = funded("0");
        String coupon = issue(master, "30.00");
        String key = "give-" + coupon;

        String first = transfer(coupon, key, sub, "20.00", master).statusCode(200).extract().path("id");
        charge("spend-" + coupon, master, List.of(line("hws.service.type.ec2", "6.00")),
                Map.of("coupon_ids", List.of(coupon))).statusCode(200);
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("4.00");

        transfer(coupon, key, sub, "20.00", master).statusCode(200).body("id", equalTo(first));
        transfer(coupon, key, sub, "20.00", null).statusCode(200).body("id", equalTo(first));
        assertThat(probe.instrumentBalance(coupon)).isEqualByComparingTo("4.00");
        assertThat(probe.instrumentBalance(first)).isEqualByComparingTo("20.00");

        transfer(coupon, key, sub, "2.00", master).statusCode(400).body("error_code", equalTo("CBC.0100"));
        transfer(issue(master, "30.00"), key, sub, "20.00", master).statusCode(400)
                .body("error_code", equalTo("CBC.0100"));
        probe.assertInvariants();
    }

    @Test
    void aTooLongOwnerNamesTheParameter() {
        String master = funded("0");
        String coupon = issue(master, "30.00");
        transfer(coupon, "long-" + coupon, funded("0"), "1.00", "x".repeat(65)).statusCode(400)
                .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("from_customer_id"));
    }
}
