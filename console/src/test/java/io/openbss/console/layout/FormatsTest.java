package io.openbss.console.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.openbss.common.request.Language;
import io.openbss.console.session.Session;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats(new Session("s", Session.Kind.CUSTOMER, "t", "u", "a", "d",
            List.of(), false, Language.EN_US, ZoneId.of("Asia/Shanghai"), Instant.EPOCH));

    @Test
    void anAmountAnsweredAsTextIsWrittenAsItsNumber() {
        assertThat(formats.money(TextNode.valueOf("78.00"), "CNY")).isEqualTo("CN¥78.00");
        assertThat(formats.money(TextNode.valueOf("0.125"), "CNY")).isEqualTo("CN¥0.125");
    }

    @Test
    void anAmountAnsweredAsANumberIsWrittenWithAtLeastTwoDigits() {
        assertThat(formats.money(DecimalNode.valueOf(new BigDecimal("100")), "CNY")).isEqualTo("CN¥100.00");
    }

    @Test
    void textThatIsNoAmountIsWrittenAsItCame() {
        assertThat(formats.money(TextNode.valueOf(""), "CNY")).isEmpty();
    }
}
