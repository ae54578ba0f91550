package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.Green;
import io.rppg.adapter.signal.method.Pos;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/** The estimator on skin traces made up sample by sample, without any video. */
class VitalsEstimatorTest {

    private static final double FPS = 30;
    /** The pace of the generated faces' vertical sway, 38 times a minute. */
    private static final double SWAY_HZ = 0.63;

    private final VitalsEstimator estimator = new VitalsEstimator(new Pos());

    @Test
    void skinWhoseColourNeverChangesShowsNoPulse() {
        SkinTrace trace = trace(12, 0, 0, 0);

        AnalysisOutcome outcome = estimator.estimate(trace, 0, trace.size(), 1);

        AnalysisFailure failure = switch (outcome) {
            case AnalysisOutcome.Measured(var vitals) -> fail("no pulse was drawn, yet " + vitals);
            case AnalysisOutcome.Unusable(var unusable) -> unusable;
        };
        assertThat(failure.code()).isEqualTo(FailureCode.SIGNAL_TOO_WEAK);
    }

    /** Skin that only carries sensor noise, far below what a pulse moves it by, gives no confident pulse. */
    @Test
    void quietSkinWithoutAPulseGivesNoConfidentHeartRate() {
        SkinTrace trace = trace(12, 0, 0, 0.02);

        AnalysisOutcome outcome = estimator.estimate(trace, 0, trace.size(), 1);

        PulseTruthTest.assertNoConfidentPulse(outcome, "noise only");
    }

    /** A lamp at 72 bpm brightens skin and background alike: the light, not a pulse. */
    @Test
    void skinThatSwingsWithTheBackgroundIsTheLight() {
        Random random = new Random(9);
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < 12 * FPS; i++) {
            double t = i / FPS;
            double lamp = 1 + 0.01 * Math.sin(2 * Math.PI * 1.2 * t);
            trace.add(t, 180 * lamp, 120 * lamp, 100 * lamp, 0, 130 * lamp,
                    90 * lamp + 0.02 * random.nextGaussian());
        }

        AnalysisOutcome outcome = new VitalsEstimator(new Green()).estimate(trace, 0, trace.size(), 1);

        assertThat(outcome).isInstanceOfSatisfying(AnalysisOutcome.Unusable.class, unusable -> {
            assertThat(unusable.failure().code()).isEqualTo(FailureCode.NO_PULSE);
            assertThat(unusable.failure().message()).contains("72 times a minute").contains("the light");
        });
    }

    @Test
    void aPulseOverASteadyBackgroundIsMeasuredWithItsHeartRateOverTime() {
        SkinTrace trace = trace(20, 1.2, 0.003, 0.02);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.heartRateSeries()).hasSize(11);
        assertThat(vitals.heartRateSeries()).allSatisfy(point -> {
            assertThat(point.bpm()).isCloseTo(72, within(0.5));
            assertThat(point.confidence()).isGreaterThan(0.5);
        });
        assertThat(vitals.heartRateSeries().getFirst().seconds()).isCloseTo(5, within(0.05));
        assertThat(vitals.rhythm()).isEqualTo(HeartRhythm.REGULAR);
    }

    @Test
    void aClearPulseGivesItsHeartRate() {
        SkinTrace trace = trace(12, 1.2, 0.003, 0.02);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(72, within(0.5));
        assertThat(vitals.method()).isEqualTo("pos");
        assertThat(vitals.framesAnalysed()).isEqualTo(trace.size());
    }

    /** Every 6 s stretch of a steady pulse shows the same heart rate as the whole. */
    @Test
    void aSteadyPulseIsFullyStable() {
        SkinTrace trace = trace(12, 1.2, 0.003, 0.02);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.signalQuality().stabilityMeasurement().value()).contains(1.0);
    }

    /** Stability compares 6 s stretches; 5.5 s of pulse hold none, so there is no figure, only the reason. */
    @Test
    void aPulseShorterThanOneStretchHasNoStability() {
        SkinTrace trace = trace(5.5, 1.2, 0.003, 0.02);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(72, within(1.0));
        assertThat(vitals.signalQuality().stability()).isNull();
        assertThat(vitals.signalQuality().stabilityMeasurement().reasonMissing())
                .contains(SignalQuality.STABILITY_NEEDS_A_LONGER_PULSE);
    }

    @Test
    void autoReportsTheMethodItKept() {
        SkinTrace trace = trace(12, 1.2, 0.003, 0.02);

        Vitals vitals = measured(new VitalsEstimator(RppgMethods.named("auto")).estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.method()).matches("auto:(pos|green|lgi)");
    }

    /**
     * A faint steady swing at the pace the head sways (a coarse codec's blocks carry the motion into the colour) is
     * as regular as a pulse; with the head moving at that very pace, the rate is doubted, over the clip and in each of
     * its windows, and neither its rhythm nor its beat-to-beat variability is told.
     */
    @Test
    void aFaintSteadySwingAtThePaceTheHeadSwaysIsDoubted() {
        SkinTrace trace = swaying(2.0);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(SWAY_HZ * 60, within(1.0));
        assertThat(vitals.confidence().value()).isLessThan(0.3);
        assertThat(vitals.heartRateDoubt()).contains("the head moves up and down (38 times a minute)");
        assertThat(vitals.heartRateVariability().reasonMissing()).hasValueSatisfying(
                reason -> assertThat(reason).contains("the heart rate itself is in doubt"));
        assertThat(vitals.rhythm()).isEqualTo(HeartRhythm.UNDETERMINED);
        assertThat(vitals.heartRateSeries()).isNotEmpty()
                .allSatisfy(point -> assertThat(point.confidence()).isLessThan(0.3));
    }

    /** The same faint steady swing on a head that holds still is a compressed pulse, and believed as one. */
    @Test
    void aFaintSteadySwingOnAStillHeadIsBelieved() {
        SkinTrace trace = swaying(0);

        Vitals vitals = measured(estimator.estimate(trace, 0, trace.size(), 1));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(SWAY_HZ * 60, within(1.0));
        assertThat(vitals.heartRateDoubt()).isNull();
        assertThat(vitals.confidence().value()).isGreaterThanOrEqualTo(0.3);
    }

    /**
     * 20 s of skin whose colour swings by 0.06 % in the proportions of blood at {@link #SWAY_HZ}, while the head moves
     * up and down by {@code headPixels} at the same pace.
     */
    private static SkinTrace swaying(double headPixels) {
        Random random = new Random(11);
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < 20 * FPS; i++) {
            double t = i / FPS;
            double swing = 0.0006 * Math.sin(2 * Math.PI * SWAY_HZ * t);
            double r = 180 * (1 - 0.43 * swing) + 0.01 * random.nextGaussian();
            double g = 120 * (1 - swing) + 0.01 * random.nextGaussian();
            double b = 100 * (1 - 0.69 * swing) + 0.01 * random.nextGaussian();
            double y = headPixels * Math.sin(2 * Math.PI * SWAY_HZ * t) + 0.02 * random.nextGaussian();
            trace.add(t, r, g, b, y, 0.299 * r + 0.587 * g + 0.114 * b, 90 + 0.01 * random.nextGaussian());
        }
        return trace;
    }

    static Vitals measured(AnalysisOutcome outcome) {
        return switch (outcome) {
            case AnalysisOutcome.Measured(var vitals) -> vitals;
            case AnalysisOutcome.Unusable(var failure) -> fail("expected vitals, got " + failure);
        };
    }

    /**
     * {@code seconds} of skin at 30 pictures per second whose colour darkens with a sine pulse of {@code pulseHz} in
     * the proportions of blood volume (green most, red least), plus sensor noise of the given standard deviation in
     * 8-bit levels; the face holds still.
     */
    static SkinTrace trace(double seconds, double pulseHz, double strength, double noise) {
        Random random = new Random(7);
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < seconds * FPS; i++) {
            double t = i / FPS;
            double pulse = strength * Math.sin(2 * Math.PI * pulseHz * t);
            double r = 180 * (1 - 0.43 * pulse) + noise * random.nextGaussian();
            double g = 120 * (1 - pulse) + noise * random.nextGaussian();
            double b = 100 * (1 - 0.69 * pulse) + noise * random.nextGaussian();
            trace.add(t, r, g, b, 0, 0.299 * r + 0.587 * g + 0.114 * b, 90 + noise * random.nextGaussian());
        }
        return trace;
    }
}
