package io.rppg.application.port.in;

import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class VitalsReportTest {

    @Test
    void aMeasuredStabilityIsReportedRoundedAndNeedsNoReason() {
        Map<String, Object> report = report(new SignalQuality(7.26, 0.8666, 0.81));

        assertThat(quality(report)).containsExactly(entry("snr", 7.3), entry("stability", 0.87),
                entry("periodicity", 0.81));
        assertThat(unavailable(report)).doesNotContainKey("signal_quality.stability");
    }

    /** Like every other null of the report, a stability that was not measured comes with its reason. */
    @Test
    void aStabilityNotMeasuredIsNullWithItsReason() {
        Map<String, Object> report = report(new SignalQuality(7.26, null, 0.81));

        assertThat(quality(report)).containsEntry("stability", null).containsKeys("snr", "periodicity");
        assertThat(unavailable(report)).containsEntry("signal_quality.stability",
                SignalQuality.STABILITY_NEEDS_A_LONGER_PULSE);
    }

    @Test
    void theMethodIsTheOneThatMadeThePulse() {
        assertThat(report(new SignalQuality(7, 0.9, 0.8))).containsEntry("method", "auto:pos");
    }

    @Test
    void theHeartRateOverTimeAndTheRhythmComeBesideTheDocumentedFields() {
        Vitals vitals = new Vitals(new HeartRate(101.46), Measurement.notMeasured("no breathing"),
                Measurement.notMeasured("Irregular rhythm"), new SignalQuality(4, 0.4, 0.6), new Confidence(0.6),
                "auto:pos", 30, 900, List.of(new HeartRatePoint(5, 118.24, 0.814), new HeartRatePoint(6, 116.96, 0.7)),
                HeartRhythm.IRREGULAR, "No clear pulse");

        Map<String, Object> report = VitalsReport.of(vitals, "2026-01-02T03:04:05Z", 900);

        assertThat(report).containsEntry("heart_rate", 101.5).containsEntry("rhythm", "irregular");
        assertThat(report.get("heart_rate_series")).isEqualTo(List.of(
                Map.of("t", 5.0, "bpm", 118.2, "confidence", 0.81),
                Map.of("t", 6.0, "bpm", 117.0, "confidence", 0.7)));
        assertThat(unavailable(report)).containsEntry("hrv", "Irregular rhythm").containsEntry("heart_rate",
                "No clear pulse");
    }

    @Test
    void vitalsWithoutASeriesReportAnEmptyOneAndAnUndeterminedRhythm() {
        Map<String, Object> report = report(new SignalQuality(7, 0.9, 0.8));

        assertThat(report).containsEntry("heart_rate_series", List.of()).containsEntry("rhythm", "undetermined");
    }

    private static Map<String, Object> report(SignalQuality quality) {
        Vitals vitals = new Vitals(new HeartRate(71.94), Measurement.of(new RespiratoryRate(14.04)),
                Measurement.of(new HeartRateVariability(41.25, 35.5, 24)), quality, new Confidence(0.8),
                "auto:pos", 5.6, 168);
        return VitalsReport.of(vitals, "2026-01-02T03:04:05Z", 900);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> quality(Map<String, Object> report) {
        return (Map<String, Object>) report.get("signal_quality");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unavailable(Map<String, Object> report) {
        return (Map<String, Object>) report.get("unavailable");
    }
}
