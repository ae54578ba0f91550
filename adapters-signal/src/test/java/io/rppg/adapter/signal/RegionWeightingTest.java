package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.face.RegionStep;
import io.rppg.adapter.signal.method.RgbTrace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Regions weighed by their own pulse, on traces made up of three regions that share a pulse of 1.2 Hz and carry
 * noise of their own, joined with equal skin weights as the face's skin is while it is read.
 */
class RegionWeightingTest {

    private static final double FPS = 30;
    private static final double SECONDS = 20;
    private static final double PULSE_HZ = 1.2;
    /** The pulse's share of each channel's level: green strongest, as in skin. */
    private static final double[] PULSE = {0.0013, 0.003, 0.0016};
    private static final double[] LEVEL = {170, 120, 95};

    @Test
    void aRegionMuchNoisierThanTheOthersLosesMostOfItsWeightAndTheJoinedPulseClears() {
        SkinTrace trace = trace(new double[]{0.0005, 0.03, 0.0005}, 7);

        var judgement = RegionWeighting.judge(trace, 0, trace.size());

        assertThat(judgement).isInstanceOf(RegionWeighting.Judgement.Weighed.class);
        var weighed = (RegionWeighting.Judgement.Weighed) judgement;
        assertThat(weighed.quality()[0]).isEqualTo(1.0);
        assertThat(weighed.quality()[2]).isEqualTo(1.0);
        // Its own part is about (0.03 / 0.0005)^2 = 3600 times the others': inverse-variance weights give it ~1/3600.
        assertThat(weighed.quality()[1]).isBetween(1e-5, 0.01);
        assertThat(weighed.ownSnrDb()[1]).isLessThan(RegionWeighting.OWN_SNR_TO_ACT_DB);

        RgbTrace asRead = new RegionWeighting.Colour(trace.seconds(), trace.red(), trace.green(), trace.blue(), 0,
                trace.size()).resampled(VitalsEstimator.RATE);
        RgbTrace weighedColour = RegionWeighting.colour(trace, 0, trace.size()).resampled(VitalsEstimator.RATE);
        double before = pulseCorrelation(asRead.green());
        double after = pulseCorrelation(weighedColour.green());
        assertThat(before).isLessThan(0.6);
        assertThat(after).isGreaterThan(0.9);
    }

    @Test
    void regionsAlikeKeepTheColourAsReadToTheLastBit() {
        SkinTrace trace = trace(new double[]{0.0008, 0.0011, 0.0009}, 8);

        var judgement = RegionWeighting.judge(trace, 0, trace.size());
        RegionWeighting.Colour colour = RegionWeighting.colour(trace, 0, trace.size());

        assertThat(judgement).isInstanceOf(RegionWeighting.Judgement.AsRead.class);
        assertThat(colour.green()).isSameAs(trace.green());
        assertThat(colour.red()).isSameAs(trace.red());
        assertThat(colour.blue()).isSameAs(trace.blue());
    }

    @Test
    void aTraceWithoutRegionsAsAStreamedTraceIsTakenAsRead() {
        SkinTrace trace = new SkinTrace();
        for (int n = 0; n < SECONDS * FPS; n++) {
            double t = n / FPS;
            trace.add(t, 170, 120 * (1 - 0.003 * Math.sin(2 * Math.PI * PULSE_HZ * t)), 95, 0, 130);
        }

        assertThat(RegionWeighting.judge(trace, 0, trace.size()))
                .isEqualTo(new RegionWeighting.Judgement.AsRead("fewer than three regions"));
        assertThat(RegionWeighting.colour(trace, 0, trace.size()).green()).isSameAs(trace.green());
    }

    @Test
    void aNoisyRegionIsWeighedOnAnyStretchOfTheTraceAsALiveWindowReadsIt() {
        SkinTrace trace = trace(new double[]{0.03, 0.0005, 0.0005}, 9);
        int from = (int) (5 * FPS);
        int to = (int) (15 * FPS);

        var judgement = RegionWeighting.judge(trace, from, to);
        RegionWeighting.Colour colour = RegionWeighting.colour(trace, from, to);

        assertThat(judgement).isInstanceOf(RegionWeighting.Judgement.Weighed.class);
        assertThat(((RegionWeighting.Judgement.Weighed) judgement).quality()[0]).isLessThan(0.01);
        assertThat(colour.to() - colour.from()).isEqualTo(to - from);
        assertThat(colour.seconds()[colour.from()]).isEqualTo(trace.seconds()[from]);
        assertThat(colour.green()[colour.from()]).isEqualTo(trace.green()[from]);
    }

    /**
     * Three regions with the same pulse and white noise of their own ({@code noise}, as a share of the level),
     * joined with equal weights; their steps kept beside the joined colour.
     */
    private static SkinTrace trace(double[] noise, long seed) {
        Random random = new Random(seed);
        SkinTrace trace = new SkinTrace();
        double[][] previous = null;
        double[] joined = LEVEL.clone();
        for (int n = 0; n < SECONDS * FPS; n++) {
            double t = n / FPS;
            double pulse = Math.sin(2 * Math.PI * PULSE_HZ * t);
            double[][] share = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    share[r][c] = 1 - PULSE[c] * pulse + noise[r] * random.nextGaussian();
                }
            }
            List<RegionStep> steps = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                steps.add(previous == null ? RegionStep.NONE : new RegionStep(700,
                        (share[r][0] - previous[r][0]) * LEVEL[0], (share[r][1] - previous[r][1]) * LEVEL[1],
                        (share[r][2] - previous[r][2]) * LEVEL[2]));
            }
            if (previous != null) {
                for (int c = 0; c < 3; c++) {
                    double step = 0;
                    for (int r = 0; r < 3; r++) {
                        step += (share[r][c] - previous[r][c]) * LEVEL[c] / 3;
                    }
                    joined[c] += step;
                }
            }
            trace.add(t, joined[0], joined[1], joined[2], 0, 130, Double.NaN, steps);
            previous = share;
        }
        return trace;
    }

    /** Correlation of the band-passed channel with the drawn pulse (sign aside: skin darkens with each beat). */
    private static double pulseCorrelation(double[] channel) {
        double[] banded = PulseBand.filter(VitalsEstimator.RATE).apply(channel);
        double xy = 0, xx = 0, yy = 0;
        for (int i = 0; i < banded.length; i++) {
            double pulse = -Math.sin(2 * Math.PI * PULSE_HZ * i / VitalsEstimator.RATE);
            xy += banded[i] * pulse;
            xx += banded[i] * banded[i];
            yy += pulse * pulse;
        }
        return xy / Math.sqrt(xx * yy);
    }
}
