package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

    /** Phones record about 30 pictures a second, each a little early or late: a ramp in them stays a ramp. */
    @Test
    void aRampAtIrregularTimesStaysARampOnTheGrid() {
        Random random = new Random(3);
        double[] t = new double[300];
        double[] x = new double[300];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 + i / 30.0 + (i == 0 ? 0 : 0.012 * (random.nextDouble() - 0.5));
            x[i] = 3 * t[i] - 7;
        }

        double[] uniform = Resampler.uniform(t, x, 0, t.length, 30);

        assertThat(uniform).hasSize((int) Math.floor((t[299] - t[0]) * 30) + 1);
        for (int i = 0; i < uniform.length; i++) {
            assertThat(uniform[i]).isCloseTo(3 * (0.5 + i / 30.0) - 7, within(1e-9));
        }
    }

    /** Resampling starts at the run's first sample and never reads outside [from, to). */
    @Test
    void aRunOfTheSamplesIsResampledFromItsFirstTime() {
        double[] t = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] x = {100, 100, 0, 10, 20, 30, -100};

        double[] uniform = Resampler.uniform(t, x, 2, 6, 20);

        assertThat(uniform).hasSize(7);
        for (int i = 0; i < uniform.length; i++) {
            assertThat(uniform[i]).isCloseTo(5.0 * i, within(1e-9));
        }
    }

    /** Two pictures with the same time stamp give the first one's value, not a division by zero. */
    @Test
    void repeatedTimeStampsGiveNoNaN() {
        double[] t = {0, 0.1, 0.1, 0.2};
        double[] x = {1, 2, 4, 5};

        double[] uniform = Resampler.uniform(t, x, 0, 4, 10);

        assertThat(uniform).hasSize(3).doesNotContain(Double.NaN);
        assertThat(uniform[0]).isEqualTo(1);
        assertThat(uniform[2]).isEqualTo(5);
    }
}
