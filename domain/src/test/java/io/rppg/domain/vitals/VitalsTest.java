package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VitalsTest {

    private static final HeartRate HR = new HeartRate(72);
    private static final Measurement<RespiratoryRate> RR = Measurement.of(new RespiratoryRate(14));
    private static final Measurement<HeartRateVariability> HRV = Measurement.notMeasured("too few beats");
    private static final SignalQuality QUALITY = new SignalQuality(6.5, 0.9, 0.8);
    private static final Confidence CONFIDENCE = new Confidence(0.85);

    @Test
    void keepsWhatTheVideoShowed() {
        Vitals vitals = new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 28.5, 855);
        assertThat(vitals.heartRate()).isEqualTo(HR);
        assertThat(vitals.respiratoryRate().value()).contains(new RespiratoryRate(14));
        assertThat(vitals.heartRateVariability().reasonMissing()).contains("too few beats");
        assertThat(vitals.method()).isEqualTo("pos");
        assertThat(vitals.analysedSeconds()).isEqualTo(28.5);
        assertThat(vitals.framesAnalysed()).isEqualTo(855);
    }

    @Test
    void keepsTheHeartRateOverTimeInTimeOrder() {
        var series = java.util.List.of(new HeartRatePoint(5, 118, 0.8), new HeartRatePoint(6, 116.5, 0.7));
        Vitals vitals = new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 28.5, 855, series, HeartRhythm.REGULAR);
        assertThat(vitals.heartRateSeries()).isEqualTo(series);
        assertThat(new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 28.5, 855).heartRateSeries()).isEmpty();
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 28.5, 855,
                java.util.List.of(series.get(1), series.get(0)), HeartRhythm.REGULAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }

    @Test
    void aPointOfTheSeriesIsAPlausibleRateWithAConfidence() {
        assertThatThrownBy(() -> new HeartRatePoint(5, 12, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRatePoint(5, 72, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRatePoint(-1, 72, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heartRateIsAlwaysRequired() {
        assertThatThrownBy(() -> new Vitals(null, RR, HRV, QUALITY, CONFIDENCE, "pos", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionalFiguresMustStillSayWhyTheyAreMissing() {
        assertThatThrownBy(() -> new Vitals(HR, null, HRV, QUALITY, CONFIDENCE, "pos", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, null, QUALITY, CONFIDENCE, "pos", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signalQualityAndConfidenceAreRequired() {
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, null, CONFIDENCE, "pos", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, null, "pos", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methodMustBeNonBlankAndAtMost40Characters() {
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, null, 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, " ", 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "m".repeat(41), 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "m".repeat(40), 10, 300))
                .doesNotThrowAnyException();
    }

    @Test
    void analysedSecondsMustLieBetweenZeroAndOneDay() {
        assertThatCode(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 0, 0)).doesNotThrowAnyException();
        assertThatCode(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 86_400, 0))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 86_400.1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void framesAnalysedMustNotBeNegative() {
        assertThatThrownBy(() -> new Vitals(HR, RR, HRV, QUALITY, CONFIDENCE, "pos", 10, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bloodPressureAndSpo2AreDeclaredNotMeasurable() {
        assertThat(Vitals.NOT_MEASURABLE_FROM_VIDEO)
                .isEqualTo("Not measured: this platform does not estimate it from face video");
    }
}
