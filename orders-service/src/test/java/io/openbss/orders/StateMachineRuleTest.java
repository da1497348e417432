package io.openbss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.testing.StateMachineRule;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Only the state machines ({@code *Transitions}) write a status of an order, a refund order, a resource or a payment,
 * and no SQL spells a status, type or expire-policy code: every other statement binds the enums' codes.
 */
class StateMachineRuleTest {

    static final Set<String> CODED = Set.of("status", "order_type", "source_type", "expire_policy");

    @Test
    void noStatementOutsideTheStateMachinesWritesAStatusOrSpellsACode() {
        assertThat(StateMachineRule.violations(Path.of("src/main/java"), CODED)).isEmpty();
    }

    @Test
    void theRuleSeesEveryKindOfBreach() {
        assertThat(StateMachineRule.violations("SELECT * FROM customer_order WHERE status = 6", CODED, true))
                .hasSize(1);
        assertThat(StateMachineRule.violations("SELECT 1 FROM order_payment p WHERE p.status = 'PENDING'", CODED,
                true)).hasSize(1);
        assertThat(StateMachineRule.violations("SELECT 1 FROM customer_order o WHERE o.status IN (3, 6)", CODED,
                true)).hasSize(1);
        assertThat(StateMachineRule.violations("UPDATE subscription SET status = CASE WHEN expire_policy IN (1, 2) "
                + "THEN $2 ELSE $3 END WHERE resource_id = $1", CODED, true)).hasSize(1);
        assertThat(StateMachineRule.violations("UPDATE customer_order o SET status = $2 FROM (SELECT 1) d "
                + "WHERE o.order_id = $1", CODED, false)).hasSize(1);
        assertThat(StateMachineRule.violations("INSERT INTO customer_order (order_id, status, order_type) "
                + "VALUES ($1, (SELECT 1), $2)", CODED, true)).hasSize(1);
        assertThat(StateMachineRule.violations("INSERT INTO subscription (resource_id, status) SELECT $1, 2 FROM x",
                CODED, true)).hasSize(1);
    }

    @Test
    void boundCodesAndOtherColumnsAreFine() {
        assertThat(StateMachineRule.violations("UPDATE subscription s SET auto_renew_tried_on = $2 FROM (SELECT "
                + "resource_id FROM subscription WHERE status = $3) due WHERE s.resource_id = due.resource_id",
                CODED, false)).isEmpty();
        assertThat(StateMachineRule.violations("INSERT INTO customer_order (order_id, status, order_type) "
                + "VALUES ($1, $2, $3::int)", CODED, false)).isEmpty();
        assertThat(StateMachineRule.violations("UPDATE customer_order SET status = $3 WHERE order_id = $1 AND "
                + "status = $2", CODED, true)).isEmpty();
    }
}
