package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PulseWaveformTest {

    private static final Vitals VITALS = new Vitals(new HeartRate(72), Measurement.notMeasured("short"),
            Measurement.notMeasured("short"), new SignalQuality(6, null, 0.8), new Confidence(0.7), "pos", 2, 60);

    @Test
    void aWaveformKeepsItsValuesAndBeatsAndKnowsItsLength() {
        var waveform = new PulseWaveform(30, List.of(0.0, 1.0, -1.0, 0.5), List.of(0.03, 0.1));
        assertThat(waveform.seconds()).isCloseTo(4 / 30.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(waveform.beatSeconds()).containsExactly(0.03, 0.1);
    }

    @Test
    void valuesAreScaledToOneAndBeatsLieInsideInTimeOrder() {
        assertThatThrownBy(() -> new PulseWaveform(30, List.of(0.0, 1.2), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("waveform value");
        assertThatThrownBy(() -> new PulseWaveform(30, List.of(0.0, 0.5), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beat time");
        assertThatThrownBy(() -> new PulseWaveform(30, List.of(0.0, 0.5, 0.2), List.of(0.05, 0.02)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
        assertThatThrownBy(() -> new PulseWaveform(0, List.of(0.0), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpectrumHasAPowerPerRisingRateAndItsPeakOnTheAxis() {
        var spectrum = new PulseSpectrum(List.of(60.0, 70.0, 80.0), List.of(0.1, 1.0, 0.2), 71.3);
        assertThat(spectrum.peakBpm()).isEqualTo(71.3);
        assertThatThrownBy(() -> new PulseSpectrum(List.of(60.0, 70.0), List.of(0.1), 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PulseSpectrum(List.of(70.0, 60.0), List.of(0.1, 1.0), 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rise");
        assertThatThrownBy(() -> new PulseSpectrum(List.of(60.0, 70.0), List.of(0.1, 2.0), 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PulseSpectrum(List.of(60.0, 70.0), List.of(0.1, 1.0), 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak");
    }

    @Test
    void vitalsCarryTheWaveformAndSpectrumTogetherOrNeither() {
        var waveform = new PulseWaveform(30, List.of(0.0, 1.0), List.of());
        var spectrum = new PulseSpectrum(List.of(60.0, 80.0), List.of(1.0, 0.5), 60);
        var withPulse = VITALS.withPulse(waveform, spectrum);
        assertThat(withPulse.waveform()).isEqualTo(waveform);
        assertThat(withPulse.spectrum()).isEqualTo(spectrum);
        assertThat(withPulse.heartRate()).isEqualTo(VITALS.heartRate());
        assertThat(VITALS.waveform()).isNull();
        assertThatThrownBy(() -> VITALS.withPulse(waveform, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
