package io.openbss.common.input;

import io.openbss.common.error.OutOfRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BoundedDecimalsTest {

    record Charge(BigDecimal amount) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void decimalsAColumnHoldsAreRead() throws Exception {
        for (String amount : new String[] {"0", "100.00", "999999999999999.99", "-5", "0.30000000000000004",
                "1.000000000000000000000000000000", "12E2", "0E+1000"}) {
            assertThat(mapper.readValue("{\"amount\":" + amount + "}", Charge.class).amount())
                    .isEqualByComparingTo(new BigDecimal(amount));
        }
    }

    @Test
    void hugeOrEndlesslySmallDecimalsAreRefusedNamingTheField() {
        for (String amount : new String[] {"1e1000000", "-1e400", "1234567890123456", "1e-1000000",
                "0.000000000000000000001", "\"1e1000000\""}) {
            assertThatThrownBy(() -> mapper.readValue("{\"amount\":" + amount + "}", Charge.class))
                    .isInstanceOf(OutOfRange.class)
                    .hasMessageContaining("at most 15 digits before the decimal point and 20 after it")
                    .satisfies(e -> assertThat(((OutOfRange) e).getPath().get(0).getFieldName()).isEqualTo("amount"));
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new BoundedDecimals().customize(mapper);
        return mapper;
    }
}
