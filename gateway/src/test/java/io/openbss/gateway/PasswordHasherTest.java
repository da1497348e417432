package io.openbss.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.gateway.identity.PasswordHasher;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsSaltedBcryptOfCostTen() {
        String hash = hasher.hash("Secret-123");
        assertThat(hash).startsWith("$2a$10$").hasSize(60).doesNotContain("Secret-123");
        assertThat(hasher.hash("Secret-123")).isNotEqualTo(hash);
    }

    @Test
    void matchesOnlyTheHashedPassword() {
        String hash = hasher.hash("Secret-123");
        assertThat(hasher.matches("Secret-123", hash)).isTrue();
        assertThat(hasher.matches("secret-123", hash)).isFalse();
        assertThat(hasher.matches("Secret-1234", hash)).isFalse();
        assertThat(hasher.matches("Secret-123", null)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }
}
