package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalQualityTest {

    @Test
    void acceptsSnrFromMinus100To100AndRatiosFrom0To1() {
        assertThatCode(() -> new SignalQuality(-100, 0.0, 0)).doesNotThrowAnyException();
        assertThatCode(() -> new SignalQuality(100, 1.0, 1)).doesNotThrowAnyException();
    }

    @Test
    void rejectsSnrOutsideItsBandOrNaN() {
        assertThatThrownBy(() -> new SignalQuality(-100.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(100.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(Double.NaN, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsStabilityOutside0To1OrNaN() {
        assertThatThrownBy(() -> new SignalQuality(5, -0.01, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(5, 1.01, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(5, Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPeriodicityOutside0To1OrNaN() {
        assertThatThrownBy(() -> new SignalQuality(5, 0.5, -0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(5, 0.5, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalQuality(5, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stabilityIsAMeasurementThatCanBeMissingWithItsReason() {
        assertThat(new SignalQuality(5, 0.75, 0.5).stabilityMeasurement().value()).contains(0.75);

        Measurement<Double> missing = new SignalQuality(5, null, 0.5).stabilityMeasurement();

        assertThat(missing.value()).isEmpty();
        assertThat(missing.reasonMissing()).contains(
                "Too short for stability: it compares the heart rate of 6 s stretches of pulse, and the pulse was "
                        + "shorter than one");
    }
}
