package io.openbss.common.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRuleTest {

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefused() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\r' || c == '\n';
            assertThat(TextRule.problem("a" + c + "b")).as("U+%04X", (int) c)
                    .isEqualTo(allowed ? null : "must not contain control characters");
        }
        assertThat(TextRule.problem("a\u007Fb")).isEqualTo("must not contain control characters");
    }

    @Test
    void onlyPairedSurrogatesAreText() {
        assertThat(TextRule.problem("emoji \uD83D\uDE00 and 中文")).isNull();
        for (String text : new String[] {"\uD800", "a\uDC00", "\uD83D\uD83D", "\uDE00\uD83D", "x\uD83D"}) {
            assertThat(TextRule.problem(text)).isEqualTo("must not contain unpaired surrogates");
        }
    }

    @Test
    void aQuotedTextShowsWhatTheRuleRefusesAndStaysShort() {
        assertThat(TextRule.quoted("or\u0000der\uD800 \uD83D\uDE00")).isEqualTo("or\\u0000der\\uD800 \uD83D\uDE00");
        assertThat(TextRule.quoted("x".repeat(1000))).hasSize(64);
    }
}
