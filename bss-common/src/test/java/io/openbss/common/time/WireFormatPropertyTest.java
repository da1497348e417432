package io.openbss.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The wire form written digit by digit is the pattern's, for any instant, and reads back as the same second. */
class WireFormatPropertyTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Property(tries = 3000)
    void anInstantIsWrittenAsThePatternWritesIt(
            @ForAll @LongRange(min = -62_167_219_200L - 86_400L * 400, max = 253_402_300_799L + 86_400L * 400)
            long second, @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        String written = BssTime.formatWire(instant);
        assertThat(written).isEqualTo(PATTERN.format(instant));
        if (second >= 0 && second <= 253_402_300_799L) {
            assertThat(BssTime.parseWire(written)).isEqualTo(Instant.ofEpochSecond(second));
        }
    }
}
