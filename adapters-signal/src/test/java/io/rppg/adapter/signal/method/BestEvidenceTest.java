package io.rppg.adapter.signal.method;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BestEvidenceTest {

    private static final double RATE = 30;
    private static final int N = 600;
    private final BestEvidence auto = new BestEvidence(List.of(new Pos(), new Green(), new Lgi()));

    /**
     * Skin whose brightness flickers in the pulse band (a lamp at 0.9 Hz, the same in all channels) and whose
     * pulse is a small colour change: POS and LGI cancel the common flicker, the green channel is ruled by it.
     */
    @Test
    void keepsAColourMethodWhenBrightnessChangesDrownTheGreenChannel() {
        Random random = new Random(1);
        double[] r = new double[N], g = new double[N], b = new double[N];
        for (int i = 0; i < N; i++) {
            double t = i / RATE;
            double flicker = 1 + 0.01 * Math.sin(2 * Math.PI * 0.9 * t) + 0.004 * Math.sin(2 * Math.PI * 2.3 * t);
            double pulse = 0.002 * Math.sin(2 * Math.PI * 1.5 * t);
            r[i] = 180 * flicker * (1 + 0.3 * pulse) + 0.05 * random.nextGaussian();
            g[i] = 120 * flicker * (1 - pulse) + 0.05 * random.nextGaussian();
            b[i] = 100 * flicker * (1 - 0.5 * pulse) + 0.05 * random.nextGaussian();
        }

        BestEvidence.Choice choice = auto.choose(new RgbTrace(r, g, b, RATE));

        assertThat(choice.method()).isIn("pos", "lgi");
    }

    /**
     * A pulse in brightness only, with the chroma channels carrying independent noise of their own (as a codec's
     * chroma quantisation leaves it): the green channel holds the clearer pulse, so it is kept.
     */
    @Test
    void keepsGreenWhenTheChromaPulseIsLostInNoise() {
        Random random = new Random(2);
        double[] r = new double[N], g = new double[N], b = new double[N];
        for (int i = 0; i < N; i++) {
            double t = i / RATE;
            double pulse = 0.003 * Math.sin(2 * Math.PI * 1.2 * t);
            r[i] = 180 * (1 - pulse) + 0.6 * random.nextGaussian();
            g[i] = 120 * (1 - pulse) + 0.02 * random.nextGaussian();
            b[i] = 100 * (1 - pulse) + 0.6 * random.nextGaussian();
        }

        BestEvidence.Choice choice = auto.choose(new RgbTrace(r, g, b, RATE));

        assertThat(choice.method()).isEqualTo("green");
        assertThat(choice.pulse()).hasSize(N);
    }

    /** What {@code auto} reports as its method names the candidate it kept, and the pulse is that candidate's. */
    @Test
    void namesTheMethodItKept() {
        Random random = new Random(2);
        double[] r = new double[N], g = new double[N], b = new double[N];
        for (int i = 0; i < N; i++) {
            double pulse = 0.003 * Math.sin(2 * Math.PI * 1.2 * i / RATE);
            r[i] = 180 * (1 - pulse) + 0.6 * random.nextGaussian();
            g[i] = 120 * (1 - pulse) + 0.02 * random.nextGaussian();
            b[i] = 100 * (1 - pulse) + 0.6 * random.nextGaussian();
        }
        RgbTrace trace = new RgbTrace(r, g, b, RATE);

        Pulse pulse = auto.extract(trace);

        assertThat(pulse.method()).isEqualTo("auto:green");
        assertThat(pulse.signal()).containsExactly(new Green().pulse(trace));
        assertThat(new Pos().extract(trace).method()).isEqualTo("pos");
    }
}
