package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisOutcomeTest {

    @Test
    void aMeasuredOutcomeRequiresVitals() {
        assertThatThrownBy(() -> new AnalysisOutcome.Measured(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnusableOutcomeRequiresItsFailure() {
        assertThatThrownBy(() -> new AnalysisOutcome.Unusable(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnusableOutcomeCarriesTheFailure() {
        AnalysisFailure failure = AnalysisFailure.of(FailureCode.FACE_LOST);
        assertThat(new AnalysisOutcome.Unusable(failure).failure()).isEqualTo(failure);
    }
}
