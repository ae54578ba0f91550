package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RespiratoryRateTest {

    @Test
    void acceptsTheBandFrom4To60InclusiveOfBothEnds() {
        assertThat(new RespiratoryRate(4).breathsPerMinute()).isEqualTo(4);
        assertThat(new RespiratoryRate(15).breathsPerMinute()).isEqualTo(15);
        assertThat(new RespiratoryRate(60).breathsPerMinute()).isEqualTo(60);
    }

    @Test
    void rejectsRatesOutsideTheBand() {
        assertThatThrownBy(() -> new RespiratoryRate(3.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RespiratoryRate(60.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> new RespiratoryRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
