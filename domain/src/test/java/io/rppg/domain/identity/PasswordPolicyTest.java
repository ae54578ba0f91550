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
        assertThat(PasswordPolicy.problemWith("a".repeat(73))).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("password must have at most 72 bytes"));
    }

    @Test
    void countsTheBytesBcryptTakesNotTheCharacters() {
        assertThat(PasswordPolicy.problemWith("\u00e9".repeat(36))).isEmpty();
        assertThat(PasswordPolicy.problemWith("\u00e9".repeat(37))).isPresent();
        assertThat(PasswordPolicy.problemWith("\u20ac".repeat(24))).isEmpty();
        assertThat(PasswordPolicy.problemWith("\u20ac".repeat(25))).isPresent();
        assertThat(PasswordPolicy.problemWith("\ud83d\udd11".repeat(18))).isEmpty();
        assertThat(PasswordPolicy.problemWith("\ud83d\udd11".repeat(19))).isPresent();
    }

    @Test
    void refusesABlankPasswordOfAcceptableLength() {
        assertThat(PasswordPolicy.problemWith(" ".repeat(12))).contains("password must not be blank");
    }
}
