package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfidenceTest {

    @Test
    void acceptsValuesFrom0To1() {
        assertThat(new Confidence(0).value()).isZero();
        assertThat(new Confidence(0.8).value()).isEqualTo(0.8);
        assertThat(new Confidence(1).value()).isEqualTo(1);
    }

    @Test
    void rejectsValuesOutside0To1() {
        assertThatThrownBy(() -> new Confidence(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Confidence(1.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> new Confidence(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
