package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rppg.adapter.signal.dsp.Signals.plus;
import static io.rppg.adapter.signal.dsp.Signals.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpectrumTest {

    private static final double RATE = 30;

    @Test
    void aSineAt1point2HzReads72Bpm() {
        Spectrum spectrum = Spectrum.of(sine(1.2, 1, 0.4, 20, RATE), RATE, 1 << 14);

        assertThat(spectrum.peakHz(0.7, 3.5) * 60).isCloseTo(72, within(0.5));
    }

    /** Between bins: the parabola through the top three places the peak well inside one bin (0.11 bpm here). */
    @Test
    void aPeakBetweenBinsIsPlacedOnItsParabola() {
        Spectrum spectrum = Spectrum.of(sine(1.2345, 1, 0, 20, RATE), RATE, 1 << 12);

        assertThat(spectrum.binHz()).isCloseTo(RATE / 4096, within(1e-12));
        assertThat(spectrum.peakHz(0.7, 3.5)).isCloseTo(1.2345, within(spectrum.binHz() / 4));
    }

    /** The strongest peak inside the limits, not the stronger one outside them. */
    @Test
    void onlyPeaksWithinTheLimitsCount() {
        Spectrum spectrum = Spectrum.of(plus(sine(0.3, 5, 0, 20, RATE), sine(1.5, 1, 0, 20, RATE)), RATE, 1 << 14);

        assertThat(spectrum.peakHz(0.7, 3.5)).isCloseTo(1.5, within(0.01));
        assertThat(spectrum.peakHz(0.1, 0.5)).isCloseTo(0.3, within(0.01));
    }

    /**
     * Two tones of equal power, the second not a harmonic of the first: the signal and the rest of the band are
     * equal, 0 dB. A lone tone leaves only window leakage for noise.
     */
    @Test
    void snrWeighsTheHeartRateAndItsHarmonicAgainstTheRestOfTheBand() {
        Spectrum twoTones = Spectrum.of(plus(sine(1.2, 1, 0, 20, RATE), sine(2.9, 1, 1, 20, RATE)), RATE, 1 << 14);
        Spectrum withHarmonic = Spectrum.of(plus(sine(1.2, 1, 0, 20, RATE), sine(2.4, 1, 1, 20, RATE)), RATE, 1 << 14);

        assertThat(twoTones.snrDb(1.2, 0.7, 3.5, 0.1)).isCloseTo(0, within(0.5));
        assertThat(withHarmonic.snrDb(1.2, 0.7, 3.5, 0.1)).isGreaterThan(30);
        assertThat(Spectrum.of(new double[600], RATE, 1 << 14).snrDb(1.2, 0.7, 3.5, 0.1)).isEqualTo(-100);
    }

    /** One clean tone stands far above its band's mean power; a tone among others of the same power does not. */
    @Test
    void prominenceTellsOneCleanToneFromSeveral() {
        Spectrum clean = Spectrum.of(sine(0.25, 1, 0, 60, RATE), RATE, 4096);
        Spectrum crowded = Spectrum.of(plus(sine(0.15, 1, 0, 60, RATE), sine(0.25, 1, 1, 60, RATE),
                sine(0.35, 1, 2, 60, RATE), sine(0.45, 1, 3, 60, RATE)), RATE, 4096);

        assertThat(clean.prominence(0.1, 0.5)).isGreaterThan(3 * crowded.prominence(0.1, 0.5));
    }

    /** A sine of amplitude A carries A^2/2 per sample; the Hann window keeps 3/8 of it, zero padding adds nothing. */
    @Test
    void powerFollowsTheSignalsEnergy() {
        double[] x = sine(1.2, 2, 0, 20, RATE);
        Spectrum spectrum = Spectrum.of(x, RATE, 1 << 14);

        // One-sided power sums to half the windowed energy times the FFT size (Parseval, DC and Nyquist aside).
        double windowedEnergy = x.length * (2.0 * 2 / 2) * 3 / 8;
        int size = (int) Math.round(RATE / spectrum.binHz());
        assertThat(spectrum.power(0, RATE / 2)).isCloseTo(windowedEnergy * size / 2, within(0.01 * windowedEnergy * size));
        assertThat(spectrum.powerAt(1.2)).isGreaterThan(spectrum.powerAt(1.5) * 1000);
    }

    /**
     * Plans and windows are kept between spectra and shared by threads: a spectrum taken again, after others of
     * other sizes and lengths and beside other threads taking theirs, is the same to the last bit.
     */
    @Test
    void aSpectrumTakenAgainWithKeptPlansIsTheSameToTheBit() throws Exception {
        double[] x = plus(sine(1.2, 1, 0, 20, RATE), sine(2.9, 0.3, 1, 20, RATE));
        Spectrum first = Spectrum.of(x, RATE, 1 << 14);
        double[] grid = new double[2000];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i * 0.0025;
        }
        double[] expected = Arrays.stream(grid).map(first::powerAt).toArray();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<double[]>> again = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int length = 200 + 37 * t;
                again.add(threads.submit(() -> {
                    Spectrum.of(sine(0.9, 1, 0, length / RATE, RATE), RATE, 4096);
                    return Arrays.stream(grid).map(Spectrum.of(x, RATE, 1 << 14)::powerAt).toArray();
                }));
            }
            for (Future<double[]> powers : again) {
                assertThat(powers.get()).containsExactly(expected);
            }
        }
    }
}
