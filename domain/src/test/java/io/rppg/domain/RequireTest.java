package io.rppg.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @Test
    void presentReturnsTheValue() {
        assertThat(Require.present("x", "name")).isEqualTo("x");
    }

    @Test
    void presentRejectsNullNamingTheArgument() {
        assertThatThrownBy(() -> Require.present(null, "tenant id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant id is required");
    }

    @Test
    void textAcceptsTextUpToTheMaximumLength() {
        assertThat(Require.text("abc", "name", 3)).isEqualTo("abc");
    }

    @Test
    void textRejectsNull() {
        assertThatThrownBy(() -> Require.text(null, "name", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name is required");
    }

    @Test
    void textRejectsEmptyAndBlank() {
        assertThatThrownBy(() -> Require.text("", "name", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank");
        assertThatThrownBy(() -> Require.text(" \t\n", "name", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank");
    }

    @Test
    void textRejectsTextLongerThanTheMaximum() {
        assertThatThrownBy(() -> Require.text("abcd", "name", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be at most 3 characters");
    }

    @Test
    void withinAcceptsBothBoundsAndValuesBetween() {
        assertThat(Require.within(0, 0, 1, "v")).isEqualTo(0);
        assertThat(Require.within(0.5, 0, 1, "v")).isEqualTo(0.5);
        assertThat(Require.within(1, 0, 1, "v")).isEqualTo(1);
    }

    @Test
    void withinRejectsValuesOutsideTheBand() {
        assertThatThrownBy(() -> Require.within(-0.0001, 0, 1, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v must be between 0.0 and 1.0");
        assertThatThrownBy(() -> Require.within(1.0001, 0, 1, "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withinRejectsNaNAndInfinities() {
        assertThatThrownBy(() -> Require.within(Double.NaN, 0, 1, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was NaN");
        assertThatThrownBy(() -> Require.within(Double.POSITIVE_INFINITY, 0, 1, "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Require.within(Double.NEGATIVE_INFINITY, 0, 1, "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positiveAcceptsOneAndMore() {
        assertThat(Require.positive(1, "n")).isEqualTo(1);
        assertThat(Require.positive(Long.MAX_VALUE, "n")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void positiveRejectsZeroAndNegatives() {
        assertThatThrownBy(() -> Require.positive(0, "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be positive, was 0");
        assertThatThrownBy(() -> Require.positive(-1, "n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notNegativeAcceptsZero() {
        assertThat(Require.notNegative(0, "n")).isZero();
    }

    @Test
    void notNegativeRejectsNegatives() {
        assertThatThrownBy(() -> Require.notNegative(-1, "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must not be negative, was -1");
    }
}
