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

    @Test
    void eachOutcomeIsFoldedByItsOwnCase() {
        Vitals vitals = new Vitals(new HeartRate(72), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(6, 0.9, 0.8), new Confidence(0.8), "pos", 12, 360);
        AnalysisOutcome measured = new AnalysisOutcome.Measured(vitals);
        AnalysisOutcome unusable = new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.TOO_DARK));

        String first = measured.fold(m -> "measured at " + m.vitals().heartRate().beatsPerMinute(),
                u -> "unusable: " + u.failure().code());
        String second = unusable.fold(m -> "measured at " + m.vitals().heartRate().beatsPerMinute(),
                u -> "unusable: " + u.failure().code());

        assertThat(first).isEqualTo("measured at 72.0");
        assertThat(second).isEqualTo("unusable: TOO_DARK");
    }
}
