package io.openbss.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamePageTest {

    @Test
    void pathsOfTheConsoleAreKept() {
        assertThat(SignInResource.samePage("/orders?status=6&offset=10")).isEqualTo("/orders?status=6&offset=10");
        assertThat(SignInResource.samePage("/")).isEqualTo("/");
    }

    @Test
    void anythingThatLeadsElsewhereGoesToTheOverview() {
        for (String elsewhere : new String[] {"//evil.example", "/\\evil.example", "https://evil.example",
                "evil.example", "javascript:alert(1)", "/\t/evil.example", "/%0d%0aSet-Cookie:x", null, ""}) {
            String target = SignInResource.samePage(elsewhere);
            assertThat(target).as(String.valueOf(elsewhere)).isIn("/", "/%0d%0aSet-Cookie:x");
        }
    }
}
