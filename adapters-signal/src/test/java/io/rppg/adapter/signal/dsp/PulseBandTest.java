package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PulseBandTest {

    private static final double RATE = 30;

    @Test
    void theBandReachesFrom36To192Bpm() {
        assertThat(PulseBand.FROM_HZ * 60).isLessThan(40);
        assertThat(PulseBand.TO_HZ * 60).isGreaterThan(180);
    }

    /** A 42 bpm heart whose fundamental came out weaker than its first harmonic is still read at 42. */
    @Test
    void aHarmonicStrongerThanItsFundamentalDoesNotWin() {
        double[] pulse = Signals.plus(Signals.sine(0.7, 0.6, 0, 20, RATE), Signals.sine(1.4, 1, 0.3, 20, RATE),
                Signals.sine(2.1, 0.6, 0.5, 20, RATE));

        double hz = PulseBand.heartRateHz(Spectrum.of(pulse, RATE, 1 << 14));

        assertThat(hz * 60).isCloseTo(42, within(0.5));
    }

    /** Without the third harmonic of a heart's waveform, power an octave below is noise, not the heart rate. */
    @Test
    void powerAnOctaveBelowWithoutAHarmonicSeriesIsNoise() {
        double[] pulse = Signals.plus(Signals.sine(0.8, 0.9, 0, 20, RATE), Signals.sine(1.6, 1, 0.3, 20, RATE));

        double hz = PulseBand.heartRateHz(Spectrum.of(pulse, RATE, 1 << 14));

        assertThat(hz * 60).isCloseTo(96, within(0.5));
    }

    /** Power an octave below that is far weaker than the peak is noise, not the heart rate. */
    @Test
    void weakPowerAnOctaveBelowLeavesThePeakAsTheHeartRate() {
        double[] pulse = Signals.plus(Signals.sine(0.8, 0.3, 0, 20, RATE), Signals.sine(1.6, 1, 0.3, 20, RATE));

        double hz = PulseBand.heartRateHz(Spectrum.of(pulse, RATE, 1 << 14));

        assertThat(hz * 60).isCloseTo(96, within(0.5));
    }

    @Test
    void aFastHeartAt180BpmIsInsideTheBand() {
        double[] pulse = PulseBand.filter(RATE).apply(Signals.sine(3.0, 1, 0, 20, RATE));

        assertThat(PulseBand.heartRateHz(Spectrum.of(pulse, RATE, 1 << 14)) * 60).isCloseTo(180, within(0.5));
    }
}
