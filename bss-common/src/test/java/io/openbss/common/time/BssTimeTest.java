package io.openbss.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.request.RequestParameters;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class BssTimeTest {

    @Test
    void timesDatesAndMonthsFromNineteenSeventyToNineNineNineNineAreRead() {
        assertThat(BssTime.parseWire("1970-01-01T00:00:00Z")).hasToString("1970-01-01T00:00:00Z");
        assertThat(BssTime.parseWire("9999-12-31T23:59:59Z")).hasToString("9999-12-31T23:59:59Z");
        assertThat(BssTime.parseDate("2026-02-28")).hasToString("2026-02-28");
        assertThat(BssTime.parseCycle("9999-12")).hasToString("9999-12");
    }

    @Test
    void yearsThePatternAllowsButNoColumnHoldsAreRefused() {
        for (String time : new String[] {"-999999999-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> BssTime.parseWire(time)).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> BssTime.parseDate("-999999999-01-01")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> BssTime.parseCycle("-999999999-01")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void impossibleMonthsAndDaysAreUnparseableNotFaults() {
        for (String cycle : new String[] {"2026-13", "2026-00", "2026-1", "26-01"}) {
            assertThatThrownBy(() -> BssTime.parseCycle(cycle)).as(cycle).isInstanceOf(DateTimeParseException.class);
        }
        for (String date : new String[] {"2026-02-30", "2026-13-01", "2026-04-31"}) {
            assertThatThrownBy(() -> BssTime.parseDate(date)).as(date).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> BssTime.parseWire("2026-02-30T25:61:61Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RequestParameters.optionalInstant("create_time_begin", "-999999999-01-01T00:00:00Z"))
                .hasMessage("Invalid parameter create_time_begin: must be a UTC time yyyy-MM-dd'T'HH:mm:ss'Z' "
                        + "in the years 1970 to 9999");
    }
}
