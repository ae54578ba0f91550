package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.rppg.adapter.signal.dsp.Signals.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RespirationTest {

    private static final double RATE = 30;
    private static final double PROMINENCE = 2.5;

    @Test
    void aHeadRisingAndFalling15TimesAMinuteBreathes15TimesAMinute() {
        double[] vertical = withNoise(sine(0.25, 0.8, 0.2, 40, RATE), 0.2, 1);

        double bpm = new Respiration().addUniform(vertical, RATE).breathsPerMinute(PROMINENCE);

        assertThat(bpm).isCloseTo(15, within(0.5));
    }

    /** Beat-to-beat values, one per beat at irregular times, modulated 12 times a minute. */
    @Test
    void aModulationOfTheBeatsGivesItsRate() {
        double[] at = new double[40];
        double[] heights = new double[40];
        for (int k = 0; k < at.length; k++) {
            at[k] = 0.3 + 0.83 * k + 0.02 * Math.sin(k);
            heights[k] = 1 + 0.2 * Math.sin(2 * Math.PI * 0.2 * at[k]);
        }

        double bpm = new Respiration().addAtTimes(at, heights).breathsPerMinute(PROMINENCE);

        assertThat(bpm).isCloseTo(12, within(0.5));
    }

    /** A still head and steady beats show no breathing: no rate is better than an invented one. */
    @Test
    void noModulationGivesNoRate() {
        double[] at = new double[40];
        double[] steady = new double[40];
        for (int k = 0; k < at.length; k++) {
            at[k] = 0.8 * k;
            steady[k] = 1;
        }

        double bpm = new Respiration().addUniform(new double[1200], RATE).addAtTimes(at, steady)
                .breathsPerMinute(PROMINENCE);

        assertThat(bpm).isNaN();
    }

    /** Two sources that disagree: the tone that stands out more of its own spectrum decides, whichever came first. */
    @Test
    void ofTwoSourcesThatDisagreeTheClearerWins() {
        double bpm = new Respiration()
                .addUniform(withNoise(sine(0.3, 0.3, 0, 40, RATE), 0.3, 6), RATE)
                .addUniform(withNoise(sine(0.2, 1, 0, 40, RATE), 0.05, 5), RATE)
                .breathsPerMinute(PROMINENCE);

        assertThat(bpm).isCloseTo(12, within(0.5));
    }

    /** Two sources that agree outvote a third that stands out more on its own. */
    @Test
    void twoSourcesThatAgreeOutvoteAClearerThird() {
        double bpm = new Respiration()
                .addUniform(withNoise(sine(0.4, 1, 0, 40, RATE), 0.05, 4), RATE)
                .addUniform(withNoise(sine(0.25, 1, 0, 40, RATE), 0.3, 5), RATE)
                .addUniform(withNoise(sine(0.26, 1, 0, 40, RATE), 0.3, 6), RATE)
                .breathsPerMinute(PROMINENCE);

        assertThat(bpm).isCloseTo(15.3, within(0.6));
    }

    /**
     * Two sources within the agreement of each other: the clearer one's rate, not the mean of both, which neither
     * shows (a beat source 1.5 breaths a minute off the head's clear 15 would pull the answer to 15.75).
     */
    @Test
    void ofTwoSourcesThatAgreeTheClearerGivesTheRate() {
        double bpm = new Respiration()
                .addUniform(withNoise(sine(0.25, 1, 0, 40, RATE), 0.05, 4), RATE)
                .addUniform(withNoise(sine(0.275, 1, 0, 40, RATE), 0.6, 5), RATE)
                .breathsPerMinute(PROMINENCE);

        assertThat(bpm).isCloseTo(15, within(0.3));
    }

    /** Fewer than six beats are too few to carry a breathing rhythm, and are ignored rather than guessed from. */
    @Test
    void fewerThanSixBeatsAreIgnored() {
        double bpm = new Respiration().addAtTimes(new double[]{0, 1, 2, 3, 4}, new double[]{1, 2, 1, 2, 1})
                .breathsPerMinute(PROMINENCE);

        assertThat(bpm).isNaN();
    }

    private static double[] withNoise(double[] x, double sd, long seed) {
        Random random = new Random(seed);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + sd * random.nextGaussian();
        }
        return out;
    }
}
