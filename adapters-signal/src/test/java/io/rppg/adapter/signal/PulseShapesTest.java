package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import static io.rppg.adapter.signal.VitalsEstimatorTest.measured;
import static io.rppg.adapter.signal.VitalsEstimatorTest.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The waveform and spectrum the pictures draw are the ones the vitals were read from. */
class PulseShapesTest {

    @Test
    void theWaveformIsThePulseAtThirtyHertzScaledToOneWithTheBeatsTheVariabilityRestsOn() {
        SkinTrace trace = trace(20, 1.2, 0.003, 0.02);

        Vitals vitals = measured(new VitalsEstimator(RppgMethods.named("pos")).estimate(trace, 0, trace.size(), 1));

        var waveform = vitals.waveform();
        assertThat(waveform.sampleRateHz()).isEqualTo(30.0);
        assertThat(waveform.values()).hasSize((int) Math.round(vitals.analysedSeconds() * 30));
        assertThat(waveform.values().stream().mapToDouble(v -> Math.abs(v)).max().orElseThrow()).isEqualTo(1.0);
        // 72 bpm over 20 s: 24 beats, 0.833 s apart.
        var beats = waveform.beatSeconds();
        assertThat(beats).hasSizeBetween(22, 25);
        for (int i = 1; i < beats.size(); i++) {
            assertThat(beats.get(i) - beats.get(i - 1)).isCloseTo(60 / 72.0, within(0.1));
        }
        int intervals = vitals.heartRateVariability().value().map(HeartRateVariability::beats).orElseThrow();
        assertThat(intervals).isEqualTo(beats.size() - 1);
        // Each beat lies where the waveform peaks: its value there is well above the middle (away from the ends, where
        // the band-pass has not settled).
        for (double beat : beats.subList(1, beats.size() - 1)) {
            assertThat(waveform.values().get((int) Math.round(beat * 30))).isGreaterThan(0.3);
        }
    }

    @Test
    void theSpectrumSpansThePulseBandAndPeaksAtTheHeartRate() {
        SkinTrace trace = trace(20, 1.2, 0.003, 0.02);

        Vitals vitals = measured(new VitalsEstimator(RppgMethods.named("pos")).estimate(trace, 0, trace.size(), 1));

        var spectrum = vitals.spectrum();
        assertThat(spectrum.bpm().getFirst()).isEqualTo(36.0);
        assertThat(spectrum.bpm().getLast()).isEqualTo(192.0);
        assertThat(spectrum.bpm().get(1) - spectrum.bpm().get(0)).isEqualTo(PulseShapes.SPECTRUM_STEP_BPM);
        assertThat(spectrum.peakBpm()).isCloseTo(vitals.heartRate().beatsPerMinute(), within(0.1));
        int strongest = 0;
        for (int i = 0; i < spectrum.power().size(); i++) {
            strongest = spectrum.power().get(i) > spectrum.power().get(strongest) ? i : strongest;
        }
        assertThat(spectrum.power().get(strongest)).isEqualTo(1.0);
        assertThat(spectrum.bpm().get(strongest)).isCloseTo(72, within(1.0));
    }
}
