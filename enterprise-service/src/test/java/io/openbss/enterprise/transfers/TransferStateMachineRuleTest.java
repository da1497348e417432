package io.openbss.enterprise.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.testing.StateMachineRule;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only {@link TransferTransitions} writes a transfer's status, and no SQL of transfers spells a status. */
class TransferStateMachineRuleTest {

    @Test
    void noStatementOutsideTheStateMachineWritesAStatusOrSpellsOne() {
        assertThat(StateMachineRule.violations(Path.of("src/main/java/io/openbss/enterprise/transfers"),
                Set.of("status"))).isEmpty();
    }
}
