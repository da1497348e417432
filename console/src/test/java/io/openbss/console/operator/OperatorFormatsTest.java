package io.openbss.console.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import org.junit.jupiter.api.Test;

class OperatorFormatsTest {

    @Test
    void clockOffsetIsWrittenAsDaysHoursAndMinutesEitherWay() {
        assertThat(ClockResource.offset(LongNode.valueOf(6 * 86_400 + 2 * 3600 + 5 * 60))).isEqualTo("+6d 2h 5m");
        assertThat(ClockResource.offset(LongNode.valueOf(-3600))).isEqualTo("-0d 1h 0m");
    }

    @Test
    void auditIdentifiersAreWrittenOnOneLine() throws Exception {
        var identifiers = new ObjectMapper().readTree("{\"order_id\":[\"o1\",\"o2\"],\"trans_id\":[\"t\"]}");

        assertThat(AdminTable.text(identifiers)).isEqualTo("order_id=o1,o2; trans_id=t");
    }
}
