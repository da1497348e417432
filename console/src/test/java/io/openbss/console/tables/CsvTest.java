package io.openbss.console.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.field("a,b", false)).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"", false)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines", false)).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("plain", false)).isEqualTo("plain");
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"x\")", false)).startsWith("\"'=");
        assertThat(Csv.field("+1", false)).isEqualTo("'+1");
        assertThat(Csv.field("@SUM(A1)", false)).isEqualTo("'@SUM(A1)");
    }

    @Test
    void amountsStayNumbers() {
        assertThat(Csv.field("-12.5", true)).isEqualTo("-12.5");
    }
}
