package dev.lifeline.console.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void aHashIsBcryptWithItsCost_andOnlyThePasswordMatchesIt() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$2b$10$").doesNotContain("correct");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash);
    }

    @Test
    void aPasswordLongerThanBcryptReadsNeverMatches() {
        String hash = hasher.hash("x".repeat(72));

        assertThat(hasher.matches("x".repeat(73), hash)).isFalse();
    }

    @Test
    void aCostBelowTenIsRefused() {
        assertThatThrownBy(() -> new PasswordHasher(9)).isInstanceOf(IllegalArgumentException.class);
    }
}
