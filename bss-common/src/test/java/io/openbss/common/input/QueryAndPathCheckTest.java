package io.openbss.common.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.error.BssException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class QueryAndPathCheckTest {

    @Test
    void aQueryValueWithAControlCharacterOrBytesThatAreNotUtf8IsRefusedNamingItsParameter() {
        for (String value : new String[] {"%00", "a%1Fb", "%7F", "%C3%28", "%ED%A0%80", "%C0%80", "%FF", "%E4%B8"}) {
            assertThatThrownBy(() -> QueryAndPathCheck.checkQuery("limit=10&order_id=" + value))
                    .isInstanceOf(BssException.class).hasMessageStartingWith("Invalid parameter order_id: ");
        }
    }

    @Test
    void aQueryParameterNameIsCheckedToo() {
        assertThatThrownBy(() -> QueryAndPathCheck.checkQuery("or%00der=1"))
                .hasMessage("Invalid parameter or\\u0000der: its name must not contain control characters");
        assertThatThrownBy(() -> QueryAndPathCheck.checkQuery("or%FFder=1"))
                .hasMessage("Invalid parameter or%FFder: its name is not valid UTF-8");
    }

    @Test
    void aNameGivenTwiceIsRefusedWhereEachNameMayBeGivenOnlyOnceHoweverItIsSpelled() {
        for (String query : new String[] {"bill_cycle=2026-01&bill_cycle=2026-02", "bill_cycle=2026-01&bill%5Fcycle=x",
                "limit=1&bill_cycle&bill_cycle="}) {
            assertThatThrownBy(() -> QueryAndPathCheck.checkQuery(query, true)).as(query)
                    .hasMessage("Invalid parameter bill_cycle: must be given at most once");
            assertThatCode(() -> QueryAndPathCheck.checkQuery(query)).as(query).doesNotThrowAnyException();
        }
        assertThatCode(() -> QueryAndPathCheck.checkQuery("bill_cycle=2026-01&Bill_cycle=2026-02&&limit=1", true))
                .doesNotThrowAnyException();
    }

    @Test
    void ordinaryTextAndLenientEscapesPass() {
        assertThatCode(() -> QueryAndPathCheck.checkQuery("name=a+b%09c%0D%0A&zh=%E4%B8%AD&emoji=%F0%9F%98%80"
                + "&percent=100%&bad=%zz&flag&=x")).doesNotThrowAnyException();
        assertThatCode(() -> QueryAndPathCheck.checkQuery(null)).doesNotThrowAnyException();
    }

    @Test
    void aPathParameterIsNamedWhetherItHoldsAControlCharacterOrBytesThatAreNotUtf8() {
        MultivaluedMap<String, String> nul = new MultivaluedHashMap<>();
        nul.add("order_id", "a\u0000b");
        assertThatThrownBy(() -> QueryAndPathCheck.checkPath("/v2/orders/a%00b", nul))
                .hasMessage("Invalid parameter order_id: must not contain control characters");
        // the framework decoded the bad bytes to U+FFFD
        MultivaluedMap<String, String> replaced = new MultivaluedHashMap<>();
        replaced.add("order_id", "a\uFFFDb");
        assertThatThrownBy(() -> QueryAndPathCheck.checkPath("/v2/orders/a%C3%28b", replaced))
                .hasMessage("Invalid parameter order_id: is not valid UTF-8");
        MultivaluedMap<String, String> fine = new MultivaluedHashMap<>();
        fine.add("order_id", "中");
        assertThatCode(() -> QueryAndPathCheck.checkPath("/v2/orders/%E4%B8%AD", fine)).doesNotThrowAnyException();
    }

    @Test
    void percentDecodingTellsUtf8FromOtherBytes() {
        assertThat(PercentDecoding.decode("a+b%20c", true)).contains("a b c");
        assertThat(PercentDecoding.decode("a+b", false)).contains("a+b");
        assertThat(PercentDecoding.decode("%F0%9F%98%80", false)).contains("\uD83D\uDE00");
        assertThat(PercentDecoding.decode("%ED%A0%80", false)).isEmpty();
        assertThat(PercentDecoding.decode("%C0%80", false)).isEmpty();
    }
}
