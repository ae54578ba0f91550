package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeartRateVariabilityTest {

    @Test
    void acceptsFiguresFrom0To1000MillisecondsOnAtLeastOneBeat() {
        assertThatCode(() -> new HeartRateVariability(0, 0, 1)).doesNotThrowAnyException();
        assertThatCode(() -> new HeartRateVariability(1000, 1000, 120)).doesNotThrowAnyException();
    }

    @Test
    void rejectsSdnnOutsideTheBandOrNaN() {
        assertThatThrownBy(() -> new HeartRateVariability(-0.1, 40, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateVariability(1000.1, 40, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateVariability(Double.NaN, 40, 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRmssdOutsideTheBandOrNaN() {
        assertThatThrownBy(() -> new HeartRateVariability(50, -0.1, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateVariability(50, 1000.1, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateVariability(50, Double.NaN, 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresAtLeastOneBeat() {
        assertThatThrownBy(() -> new HeartRateVariability(50, 40, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateVariability(50, 40, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
