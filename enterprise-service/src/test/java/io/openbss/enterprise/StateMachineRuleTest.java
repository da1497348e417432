package io.openbss.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.testing.StateMachineRule;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Only the state machines ({@code *Transitions}) write the status of a transfer or a sub-account creation, and no
 * SQL spells a status: every other statement binds the enums' values.
 */
class StateMachineRuleTest {

    @Test
    void noStatementOutsideTheStateMachinesWritesAStatusOrSpellsOne() {
        assertThat(StateMachineRule.violations(Path.of("src/main/java"), Set.of("status"))).isEmpty();
    }
}
