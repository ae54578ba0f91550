package io.rppg.domain.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsTenToSeventyTwoCharacters() {
        assertThat(PasswordPolicy.problemWith("a".repeat(10))).isEmpty();
        assertThat(PasswordPolicy.problemWith("correct horse battery staple")).isEmpty();
        assertThat(PasswordPolicy.problemWith("a".repeat(72))).isEmpty();
    }

    @Test
    void refusesShortOrMissingPasswords() {
        assertThat(PasswordPolicy.problemWith(null)).contains("password must have at least 10 characters");
        assertThat(PasswordPolicy.problemWith("")).contains("password must have at least 10 characters");
        assertThat(PasswordPolicy.problemWith("a".repeat(9))).contains("password must have at least 10 characters");
    }

    @Test
    void refusesPasswordsLongerThanTheHashTakes() {
        assertThat(PasswordPolicy.problemWith("a".repeat(73))).contains("password must have at most 72 characters");
    }

    @Test
    void refusesABlankPasswordOfAcceptableLength() {
        assertThat(PasswordPolicy.problemWith(" ".repeat(12))).contains("password must not be blank");
    }
}
