package io.openbss.gateway;

import io.openbss.gateway.errors.AccountError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.identity.PasswordPolicy;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsEightToThirtyTwoCharactersOfTwoClasses() {
        assertThat(PasswordPolicy.check("abcdefg1", "team-a")).isEqualTo("abcdefg1");
        assertThat(PasswordPolicy.check("ABCDEFG!", "team-a")).isEqualTo("ABCDEFG!");
        assertThat(PasswordPolicy.check("a~`!@#$%^&*()-_=+\\|[{}];:'\",<.>/", "team-a")).hasSize(32);
    }

    @Test
    void refusesWithBadPasswordFormat() {
        for (String password : new String[] {"abcde1!", "Abcdefgh1234567890Abcdefgh1234567", "abcdefghij",
                "12345678", "Abcdefg 1", "Abcdefg1é", "xxTEAM-Ax1", "xxa-maetx1"}) {
            assertThatThrownBy(() -> PasswordPolicy.check(password, "team-a")).as(password)
                    .isInstanceOf(BssException.class)
                    .satisfies(e -> assertThat(((BssException) e).code()).isEqualTo(AccountError.BAD_PASSWORD_FORMAT.code()))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
        }
    }

    @Test
    void missingPasswordNamesTheParameter() {
        assertThatThrownBy(() -> PasswordPolicy.check(null, "team-a")).isInstanceOf(BssException.class)
                .hasMessageContaining("password")
                .satisfies(e -> assertThat(((BssException) e).code()).isEqualTo(ErrorCode.BAD_PARAMETER.code()));
    }
}
