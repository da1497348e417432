package io.openbss.console.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.request.Language;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void bothLanguagesNameTheSameKeysAndDiffer() {
        assertThat(Texts.of(Language.EN_US).keySet()).isEqualTo(Texts.of(Language.ZH_CN).keySet());
        assertThat(Texts.get(Language.EN_US, "sign_in")).isEqualTo("Sign in");
        assertThat(Texts.get(Language.ZH_CN, "sign_in")).isEqualTo("登录");
    }

    @Test
    void noTextIsBlank() {
        for (Language language : Language.values()) {
            assertThat(Texts.of(language).values()).allMatch(text -> !text.isBlank());
        }
    }
}
