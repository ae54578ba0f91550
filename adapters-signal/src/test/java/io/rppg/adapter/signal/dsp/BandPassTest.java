package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import static io.rppg.adapter.signal.dsp.Signals.component;
import static io.rppg.adapter.signal.dsp.Signals.plus;
import static io.rppg.adapter.signal.dsp.Signals.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BandPassTest {

    private static final double RATE = 30;
    /** The middle 20 s of 30 s: whole cycles of every test tone, away from the ends. */
    private static final int FROM = 150;
    private static final int TO = 750;

    private final BandPass pulseBand = new BandPass(0.7, 3.5, RATE);

    /**
     * A 72 bpm pulse under slow lighting drift (0.1 Hz) and fast flicker (8 Hz): the pulse passes, the drift and the
     * flicker do not. A second-order Butterworth run forwards and backwards passes |H|^2: 0.88 at 1.2 Hz here.
     */
    @Test
    void keepsThePulseAndRemovesDriftAndFlicker() {
        double[] x = plus(sine(1.2, 1, 0, 30, RATE), sine(0.1, 5, 0.3, 30, RATE), sine(8, 1, 0.7, 30, RATE));

        double[] y = pulseBand.apply(x);

        assertThat(y).hasSameSizeAs(x);
        assertThat(component(y, 1.2, RATE, FROM, TO)[0]).isBetween(0.85, 0.92);
        assertThat(component(y, 0.1, RATE, FROM, TO)[0]).isLessThan(0.005);
        assertThat(component(y, 8, RATE, FROM, TO)[0]).isLessThan(0.02);
    }

    /** Beats must keep their timing: the filtered pulse has the phase of the pulse that went in. */
    @Test
    void leavesThePhaseAlone() {
        double[] x = sine(1.3, 1, 0.9, 30, RATE);

        double[] y = pulseBand.apply(x);

        assertThat(component(y, 1.3, RATE, FROM, TO)[1]).isCloseTo(component(x, 1.3, RATE, FROM, TO)[1],
                within(0.01));
    }

    /** The ends are mirrored before filtering, so a steady level leaves no start-up transient behind. */
    @Test
    void aSteadyLevelBecomesZeroEverywhere() {
        double[] x = new double[300];
        java.util.Arrays.fill(x, 140);

        for (double v : pulseBand.apply(x)) {
            assertThat(v).isCloseTo(0, within(1e-6));
        }
    }
}
