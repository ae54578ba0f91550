package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasurementTest {

    @Test
    void aMeasuredFigureHasAValueAndNoReason() {
        Measurement<Integer> measured = Measurement.of(42);
        assertThat(measured).isInstanceOf(Measurement.Measured.class);
        assertThat(measured.value()).contains(42);
        assertThat(measured.reasonMissing()).isEmpty();
    }

    @Test
    void aMissingFigureHasAReasonAndNoValue() {
        Measurement<Integer> missing = Measurement.notMeasured("signal too short");
        assertThat(missing).isInstanceOf(Measurement.NotMeasured.class);
        assertThat(missing.value()).isEmpty();
        assertThat(missing.reasonMissing()).contains("signal too short");
    }

    @Test
    void aMeasuredFigureCannotBeNull() {
        assertThatThrownBy(() -> Measurement.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFigureNeedsANonBlankReasonOfAtMost500Characters() {
        assertThatThrownBy(() -> Measurement.notMeasured(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurement.notMeasured(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurement.notMeasured("x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Measurement.notMeasured("x".repeat(500)).reasonMissing()).isPresent();
    }

    @Test
    void mappingAMeasuredFigureTransformsIt() {
        Measurement<String> mapped = Measurement.of(21).map(n -> "n=" + n * 2);
        assertThat(mapped.value()).contains("n=42");
    }

    @Test
    void mappingAMissingFigureKeepsTheReasonAndNeverCallsTheMapper() {
        Measurement<String> mapped = Measurement.<Integer>notMeasured("too dark").map(n -> {
            throw new AssertionError("mapper must not run");
        });
        assertThat(mapped.value()).isEmpty();
        assertThat(mapped.reasonMissing()).contains("too dark");
    }

    @Test
    void mappingToNullIsRejected() {
        assertThatThrownBy(() -> Measurement.of(1).map(n -> null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalFiguresGiveEqualMeasurements() {
        assertThat(Measurement.of(new HeartRate(70))).isEqualTo(Measurement.of(new HeartRate(70)));
        assertThat(Measurement.notMeasured("a")).isEqualTo(Measurement.notMeasured("a"));
    }
}
