package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class LedgerMetersTest {

    @Inject
    MeterRegistry registry;

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    @Inject
    Pool pool;

    @Test
    void aRechargeCountsOnceWithItsAmountAndItsReplayDoesNotCountAgain() {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        double entries = count(LedgerMeters.ENTRIES, "kind", "RECHARGE");
        double amount = count(LedgerMeters.AMOUNT, "kind", "RECHARGE");

        recharge("metered-" + id, id, "12.34").statusCode(200).body("replayed", equalTo(false));
        assertThat(count(LedgerMeters.ENTRIES, "kind", "RECHARGE")).isEqualTo(entries + 1);
        assertThat(count(LedgerMeters.AMOUNT, "kind", "RECHARGE")).isCloseTo(amount + 12.34, within(1e-6));

        recharge("metered-" + id, id, "12.34").statusCode(200).body("replayed", equalTo(true));
        assertThat(count(LedgerMeters.ENTRIES, "kind", "RECHARGE")).isEqualTo(entries + 1);
        assertThat(count(LedgerMeters.AMOUNT, "kind", "RECHARGE")).isCloseTo(amount + 12.34, within(1e-6));
    }

    @Test
    void aChargeCountsUnderItsKindAndARefusedOneCountsItsCodeOnly() {
        String id = funded("10.00");
        double orders = count(LedgerMeters.ENTRIES, "kind", "DEDUCT_ORDER");
        double charged = count(LedgerMeters.AMOUNT, "kind", "DEDUCT_ORDER");
        double refused = count(LedgerMeters.REFUSALS, "code", "CBC.99005003");

        charge("metered-" + id, id, List.of(line("hws.service.type.ec2", "4.00")), Map.of()).statusCode(200);
        assertThat(count(LedgerMeters.ENTRIES, "kind", "DEDUCT_ORDER")).isEqualTo(orders + 1);
        assertThat(count(LedgerMeters.AMOUNT, "kind", "DEDUCT_ORDER")).isCloseTo(charged + 4.00, within(1e-6));

        charge("too-much-" + id, id, List.of(line("hws.service.type.ec2", "6.01")), Map.of()).statusCode(400)
                .body("error_code", equalTo("CBC.99005003"));
        assertThat(count(LedgerMeters.REFUSALS, "code", "CBC.99005003")).isEqualTo(refused + 1);
        assertThat(count(LedgerMeters.ENTRIES, "kind", "DEDUCT_ORDER")).isEqualTo(orders + 1);
    }

    @Test
    void prometheusShowsTheMetersUnderTheDashboardsNames() {
        String id = funded("1.00");
        recharge("unknown-" + id, newCustomerId(), "1.00").statusCode(400);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bss_billing_ledger_entries_total{kind=\"RECHARGE\"}"))
                .body(containsString("bss_billing_ledger_amount_total{kind=\"RECHARGE\"}"))
                .body(containsString("bss_billing_ledger_refusals_total{code=\"CBC.0101\"}"));
    }

    @Test
    void linesWrittenInATransactionThatRollsBackAreNotCounted() {
        String id = funded("0");
        String cash = new LedgerProbe(pool).one("SELECT account_id FROM ledger_account WHERE customer_id = $1 "
                + "AND account_type = 'CASH'", id).getString("account_id");

        assertThatThrownBy(() -> adjust(id, cash, "rolled-back", true)).hasMessageContaining("after the lines");
        assertThat(count(LedgerMeters.ENTRIES, "kind", "TEST_ADJUST")).isZero();
        assertThat(new LedgerProbe(pool).balance(id, "CASH")).isEqualByComparingTo("0");

        adjust(id, cash, "committed", false);
        assertThat(count(LedgerMeters.ENTRIES, "kind", "TEST_ADJUST")).isEqualTo(1);
        assertThat(count(LedgerMeters.AMOUNT, "kind", "TEST_ADJUST")).isCloseTo(1.00, within(1e-6));
    }

    /** Writes 1.00 into the customer's cash, then fails inside the same transaction when asked to. */
    private void adjust(String customerId, String cashAccount, String key, boolean failAfterWriting) {
        Movement movement = Movement.of(EntryHeader.of("test-adjust:" + key + ":" + customerId, TradeType.ADJUST,
                "TEST_ADJUST", "TA-" + key, customerId), List.of(new Movement.Leg(cashAccount, new BigDecimal("1.00")),
                new Movement.Leg(RechargeService.FUNDING, new BigDecimal("-1.00"))));
        ledger.transaction(connection -> journal.open(connection, movement.header())
                        .flatMap(entryId -> journal.write(connection, entryId, movement.header(), movement.legs()))
                        .invoke(() -> {
                            if (failAfterWriting) {
                                throw new IllegalStateException("failed after the lines were written");
                            }
                        }))
                .await().indefinitely();
    }

    private double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
