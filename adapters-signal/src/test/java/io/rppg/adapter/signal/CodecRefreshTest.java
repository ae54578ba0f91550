package io.rppg.adapter.signal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CodecRefreshTest {

    private static final double FPS = 30;
    private static final int GROUP = 60;

    /**
     * A coarse codec: the colour barely moves between refreshes (a little noise) and jumps by a level or two at each
     * one. The jumps go; the steps in between stay as they were.
     */
    @Test
    void theStepsOfRefreshesThatStandOutAreTakenOut() {
        Random random = new Random(3);
        SkinTrace trace = new SkinTrace();
        double level = 120;
        for (int i = 0; i < 10 * FPS; i++) {
            boolean refresh = i > 0 && i % GROUP == 0;
            level += refresh ? (random.nextBoolean() ? 1.5 : -1.5) : 0.01 * random.nextGaussian();
            trace.add(i / FPS, level, level, level, 0, level);
            if (refresh) {
                trace.markRefresh();
            }
        }

        double[][] colours = CodecRefresh.colours(trace, 0, trace.size());

        assertThat(CodecRefresh.standsOut(trace, 0, trace.size())).isTrue();
        for (int i = 2; i < trace.size(); i++) {
            double step = colours[1][i] - colours[1][i - 1];
            double was = trace.green()[i] - trace.green()[i - 1];
            double expected = trace.refresh(i) ? colours[1][i - 1] - colours[1][i - 2] : was;
            assertThat(step).as("step at %d", i).isCloseTo(expected, within(1e-9));
            assertThat(Math.abs(step)).isLessThan(0.1);
        }
    }

    /** A fine codec codes the pulse picture by picture: its refreshes change the colour as much, and stay. */
    @Test
    void refreshesThatChangeTheColourAsMuchAsAnyPictureAreLeftAsTheyAre() {
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < 10 * FPS; i++) {
            double level = 120 + Math.sin(2 * Math.PI * 1.2 * i / FPS) + (i % GROUP == 0 ? 0.05 : 0);
            trace.add(i / FPS, level, level, level, 0, level);
            if (i > 0 && i % GROUP == 0) {
                trace.markRefresh();
            }
        }

        assertThat(CodecRefresh.standsOut(trace, 0, trace.size())).isFalse();
        assertThat(CodecRefresh.colours(trace, 0, trace.size())[1]).isSameAs(trace.green());
    }

    /** FFV1 and MJPEG code every picture on their own: no picture of theirs is a refresh. */
    @Test
    void aTraceWithoutRefreshesIsLeftAsItIs() {
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < 10 * FPS; i++) {
            double level = 120 + (i % GROUP == 0 ? 2 : 0);
            trace.add(i / FPS, level, level, level, 0, level);
        }

        assertThat(CodecRefresh.standsOut(trace, 0, trace.size())).isFalse();
        assertThat(CodecRefresh.colours(trace, 0, trace.size())[0]).isSameAs(trace.red());
    }
}
