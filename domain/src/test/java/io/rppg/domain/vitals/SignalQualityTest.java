package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalQualityTest {

    @Test
    void acceptsSnrFromMinus100To100AndRatiosFrom0To1() {
        assertThatCode(() -> new SignalQuality(-100, 0, 0)).doesNotThrowAnyException();
        assertThatCode(() -> new SignalQuality(100, 1, 1)).doesNotThrowAnyException();
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
}
