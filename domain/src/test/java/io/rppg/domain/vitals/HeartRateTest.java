package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartRateTest {

    @Test
    void acceptsTheBandFrom30To240InclusiveOfBothEnds() {
        assertThat(new HeartRate(30).beatsPerMinute()).isEqualTo(30);
        assertThat(new HeartRate(72.5).beatsPerMinute()).isEqualTo(72.5);
        assertThat(new HeartRate(240).beatsPerMinute()).isEqualTo(240);
    }

    @Test
    void rejectsRatesBelow30() {
        assertThatThrownBy(() -> new HeartRate(29.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRatesAbove240() {
        assertThatThrownBy(() -> new HeartRate(240.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> new HeartRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
