package io.openbss.billing.coupons;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.coupons.CouponApi.give;
import static io.openbss.billing.coupons.CouponApi.issue;
import static io.openbss.billing.coupons.CouponApi.reclaim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class CouponReclaimTest {

    @Inject
    Pool pool;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    @Test
    void whatIsLeftGoesBackAndAReplayAnswersTheSameAmount() {
        String master = funded("0");
        String sub = funded("0");
        String source = issue(master, "50.00");
        String given = give(source, sub, "20.00");
        charge("spend-" + given, sub, List.of(line("hws.service.type.ec2", "7.50")),
                Map.of("coupon_ids", List.of(given))).statusCode(200);
        Map<String, Object> body = Map.of("idempotency_key", "back-" + given, "customer_id", sub,
                "source_coupon_id", source, "source_customer_id", master);

        JsonPath first = reclaim(given, body).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(first.getString("coupon_id")).isEqualTo(given);
        assertThat(first.getString("source_coupon_id")).isEqualTo(source);
        assertThat(first.getString("amount")).isEqualTo("12.50");
        assertThat(first.getBoolean("replayed")).isFalse();
        assertThat(first.getLong("entry_id")).isPositive();
        assertThat(probe.instrumentBalance(source)).isEqualByComparingTo("42.50");
        assertThat(probe.instrumentBalance(given)).isZero();

        JsonPath replay = reclaim(given, body).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(replay.getString("amount")).isEqualTo("12.50");
        assertThat(replay.getBoolean("replayed")).isTrue();
        assertThat(replay.getLong("entry_id")).isEqualTo(first.getLong("entry_id"));
        assertThat(probe.instrumentBalance(source)).isEqualByComparingTo("42.50");

        reclaim(given, Map.of("idempotency_key", "again-" + given)).statusCode(400)
                .body("error_code", equalTo("CBC.0101")).body("error_msg", containsString("already reclaimed"));
        probe.assertInvariants();
    }

    @Test
    void aSpentCouponIsReclaimedWithNothingToMoveAndReplaysTheSame() {
        String master = funded("0");
        String sub = funded("0");
        String source = issue(master, "50.00");
        String given = give(source, sub, "5.00");
        charge("spend-" + given, sub, List.of(line("hws.service.type.ec2", "5.00")),
                Map.of("coupon_ids", List.of(given))).statusCode(200);
        Map<String, Object> body = Map.of("idempotency_key", "back-" + given);

        JsonPath first = reclaim(given, body).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(first.getString("amount")).isEqualTo("0.00");
        assertThat(first.getBoolean("replayed")).isFalse();
        JsonPath replay = reclaim(given, body).statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(replay.getString("amount")).isEqualTo("0.00");
        assertThat(replay.getBoolean("replayed")).isTrue();
        assertThat(replay.getLong("entry_id")).isEqualTo(first.getLong("entry_id"));
        assertThat(probe.instrumentBalance(source)).isEqualByComparingTo("45.00");
    }

    @Test
    void whatTheCallerSaysOfTheCouponMustHold() {
        String master = funded("0");
        String stranger = funded("0");
        String sub = funded("0");
        String source = issue(master, "50.00");
        String otherSource = issue(master, "10.00");
        String given = give(source, sub, "20.00");
        String key = "back-" + given;

        reclaim(given, Map.of("idempotency_key", key, "customer_id", stranger)).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("No coupon " + given + " of customer " + stranger));
        reclaim("CPnosuchcoupon", Map.of("idempotency_key", key, "customer_id", sub)).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("No coupon CPnosuchcoupon of customer " + sub));
        reclaim(given, Map.of("idempotency_key", key, "source_coupon_id", otherSource)).statusCode(400)
                .body("error_code", equalTo("CBC.0101"))
                .body("error_msg", equalTo("Coupon " + given + " was not transferred from " + otherSource));
        reclaim(given, Map.of("idempotency_key", key, "source_customer_id", stranger)).statusCode(400)
                .body("error_code", equalTo("CBC.0101")).body("error_msg", containsString(stranger));
        reclaim(source, Map.of("idempotency_key", "back-" + source)).statusCode(400)
                .body("error_code", equalTo("CBC.0101"));
        assertThat(probe.instrumentBalance(given)).isEqualByComparingTo("20.00");

        reclaim(given, Map.of("idempotency_key", key, "customer_id", sub, "source_coupon_id", source,
                "source_customer_id", master)).statusCode(200).body("amount", equalTo(20.0f));
        assertThat(probe.instrumentBalance(source)).isEqualByComparingTo("50.00");
    }

    @Test
    void badInputNamesTheParameter() {
        reclaim("CPany", Map.of()).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("idempotency_key"));
        for (String field : List.of("customer_id", "source_coupon_id", "source_customer_id")) {
            reclaim("CPany", Map.of("idempotency_key", "k", field, "x".repeat(65))).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(field));
        }
    }
}
