package io.rppg.application.port.in;

import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

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
