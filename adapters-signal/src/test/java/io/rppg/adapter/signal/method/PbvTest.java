package io.rppg.adapter.signal.method;

import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Spectrum;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Traces whose colour changes in the blood volume signature of skin: red 0.33, green 0.77, blue 0.53. */
class PbvTest {

    private static final double RATE = 30;
    private static final int N = 600;
    private static final double[] SIGNATURE = {0.33, 0.77, 0.53};

    private final Pbv pbv = new Pbv();

    @Test
    void aPulseInTheBloodVolumeSignatureGivesItsHeartRate() {
        RgbTrace trace = trace(1.2, 0.003, 0, 0.05, 1);

        double[] pulse = pbv.pulse(trace);

        assertThat(pulse).hasSize(N);
        assertThat(PulseBand.peakHz(Spectrum.of(PulseBand.filter(RATE).apply(pulse), RATE, 1 << 14)) * 60)
                .isCloseTo(72, within(0.5));
    }

    /** Blood darkens the skin, green most: the pulse must rise as the green channel falls. */
    @Test
    void thePulseRisesWithBloodVolume() {
        RgbTrace trace = trace(1.4, 0.003, 0, 0.05, 2);

        double[] pulse = PulseBand.filter(RATE).apply(pbv.pulse(trace));
        double[] green = PulseBand.filter(RATE).apply(trace.green());

        assertThat(correlation(pulse, green)).isLessThan(-0.9);
    }

    /**
     * Brightness flicker (a lamp at 0.9 Hz, the same share of every channel) ten times stronger than the pulse: of the
     * projections that match the blood volume signature, the one with least energy leaves the flicker out, so the
     * pulse is the strongest tone. A plain projection on the signature would keep the flicker.
     */
    @Test
    void brightnessFlickerTenTimesThePulseDoesNotWin() {
        RgbTrace trace = trace(1.5, 0.002, 0.02, 0.05, 3);

        double[] pulse = PulseBand.filter(RATE).apply(pbv.pulse(trace));

        assertThat(PulseBand.peakHz(Spectrum.of(pulse, RATE, 1 << 14))).isCloseTo(1.5, within(0.02));
    }

    /** Skin that never changes colour has no signature to match: a flat pulse, not NaN. */
    @Test
    void steadySkinGivesAFlatPulse() {
        double[] r = new double[N], g = new double[N], b = new double[N];
        java.util.Arrays.fill(r, 180);
        java.util.Arrays.fill(g, 120);
        java.util.Arrays.fill(b, 100);

        double[] pulse = pbv.pulse(new RgbTrace(r, g, b, RATE));

        assertThat(pulse).hasSize(N).containsOnly(0.0);
    }

    /**
     * 20 s of skin whose channels darken with a sine pulse in the blood volume signature, under a lamp flickering
     * at 0.9 Hz, with independent sensor noise in each channel.
     */
    private static RgbTrace trace(double pulseHz, double pulseStrength, double flicker, double noise, long seed) {
        Random random = new Random(seed);
        double[] base = {180, 120, 100};
        double[][] rgb = new double[3][N];
        for (int i = 0; i < N; i++) {
            double t = i / RATE;
            double pulse = pulseStrength * Math.sin(2 * Math.PI * pulseHz * t);
            double light = 1 + flicker * Math.sin(2 * Math.PI * 0.9 * t);
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = base[c] * light * (1 - pulse * SIGNATURE[c] / SIGNATURE[1]) + noise * random.nextGaussian();
            }
        }
        return new RgbTrace(rgb[0], rgb[1], rgb[2], RATE);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
