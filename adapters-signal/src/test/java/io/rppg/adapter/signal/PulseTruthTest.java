package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.HeartScenario;
import io.rppg.adapter.signal.fixture.HeartTruth;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where the pulse is and is not, end to end through the engine on encoded videos: a face without a pulse, a lamp
 * pulsing at a heart-like rate, slow and fast hearts, a rate that falls while the person recovers, and an irregular
 * rhythm. Each on mpeg4 (whose inter-frame coding wipes out most of the chroma pulse) and lossless FFV1.
 */
class PulseTruthTest {

    @TempDir
    static Path dir;

    private static final RppgSignalEngineAdapter ENGINE = RppgSignalEngineAdapter.withMethod("auto");
    private static final FaceVideoSpec FACE = FaceVideoSpec.defaults().withSeconds(20);

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aFaceWithoutPulseGivesNoHeartRateWhateverItsBreathing(VideoContainer container) {
        for (double breaths : new double[]{0, 13, 17}) {
            AnalysisOutcome outcome = analyse(FACE.withPulseStrength(0).withBreathing(breaths).in(container)
                    .withSeed(40 + (long) breaths), HeartScenario.steady(), "photo-" + breaths);

            assertNoConfidentPulse(outcome, "breathing " + breaths + "/min");
        }
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aPhotographUnderALampPulsingLikeAHeartIsTheLightNotAPulse(VideoContainer container) {
        AnalysisOutcome outcome = analyse(FACE.withPulseStrength(0).withBreathing(0).in(container).withSeed(50),
                HeartScenario.steady().underLamp(0.01, 72), "lamp");

        assertThat(outcome).isInstanceOfSatisfying(AnalysisOutcome.Unusable.class, unusable -> {
            assertThat(unusable.failure().code()).isEqualTo(FailureCode.NO_PULSE);
            assertThat(unusable.failure().message()).contains("is it a live person?").contains("the light");
        });
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aSlowHeartIsReadAtItsFundamentalNotItsHarmonic(VideoContainer container) {
        HeartTruth truth = render(FACE.withHeartRate(42).withBreathing(8).withSdnn(60).in(container).withSeed(9),
                HeartScenario.steady(), "slow");

        Vitals vitals = measured(analyse("slow", container));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.clip().heartRateBpm(), within(3.0));
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MKV_FFV1"})
    void aFastHeartIsReadWithinTheBand(VideoContainer container) {
        HeartTruth truth = render(FACE.withHeartRate(165).withBreathing(20).withSdnn(10).in(container).withSeed(10),
                HeartScenario.steady(), "fast");

        Vitals vitals = measured(analyse("fast", container));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.clip().heartRateBpm(), within(3.0));
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aHeartRateFallingFrom118To84IsReadOverTime(VideoContainer container) {
        HeartTruth truth = render(FACE.withSeconds(30).withHeartRate(118).withBreathing(20).withSdnn(15)
                .in(container).withSeed(11), HeartScenario.steady().rampingTo(84), "ramp");

        Vitals vitals = measured(analyse("ramp", container));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.clip().heartRateBpm(), within(3.0));
        assertThat(vitals.heartRateSeries()).hasSizeGreaterThanOrEqualTo(20);
        for (HeartRatePoint point : vitals.heartRateSeries()) {
            double expected = truth.heartRateBetween(point.seconds() - 5, point.seconds() + 5);
            assertThat(point.bpm()).as("at %.0f s", point.seconds()).isCloseTo(expected, within(4.0));
        }
        HeartRatePoint first = vitals.heartRateSeries().getFirst();
        HeartRatePoint last = vitals.heartRateSeries().getLast();
        assertThat(first.bpm() - last.bpm()).isGreaterThan(18);
    }

    /**
     * Fibrillation-like intervals of about 110 ms spread at 70 bpm: their peaks change from beat to beat by less than
     * a regular heart's beats jump on a noisy video, yet the beats look alike and follow no breathing, so the rhythm
     * is still irregular; the rate is counted from them.
     */
    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aModestlyIrregularRhythmIsCalledIrregularToo(VideoContainer container) {
        HeartTruth truth = render(FACE.withSeconds(30).withHeartRate(70).withBreathing(12).in(container).withSeed(71),
                HeartScenario.steady().irregularWithSdnn(130), "irregular-modest");
        assertThat(truth.clip().sdnnMs()).isBetween(100.0, 120.0);

        Vitals vitals = measured(analyse("irregular-modest", container));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.clip().heartRateBpm(), within(3.0));
        assertThat(vitals.rhythm()).isEqualTo(HeartRhythm.IRREGULAR);
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void anIrregularRhythmGivesItsMeanRateAndSaysItIsIrregular(VideoContainer container) {
        HeartTruth truth = render(FACE.withSeconds(30).withHeartRate(85).in(container).withSeed(12),
                HeartScenario.steady().irregularWithSdnn(150), "irregular");
        assertThat(truth.clip().sdnnMs()).isGreaterThan(100);

        Vitals vitals = measured(analyse("irregular", container));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.clip().heartRateBpm(), within(3.0));
        assertThat(vitals.rhythm()).isEqualTo(HeartRhythm.IRREGULAR);
        assertThat(vitals.heartRateVariability().reasonMissing()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("Irregular rhythm"));
    }

    @ParameterizedTest
    @EnumSource(value = VideoContainer.class, names = {"MP4_MPEG4", "MKV_FFV1"})
    void aSteadyHeartIsNotCalledIrregular(VideoContainer container) {
        render(FACE.withHeartRate(72).withBreathing(15).withSdnn(45).in(container).withSeed(13),
                HeartScenario.steady(), "steady");

        Vitals vitals = measured(analyse("steady", container));

        assertThat(vitals.rhythm()).isNotEqualTo(HeartRhythm.IRREGULAR);
    }

    /**
     * Either the failure {@code NO_PULSE}, or a heart rate below the confidence of a confident one (0.3) with the
     * reason under {@code unavailable}.
     */
    static void assertNoConfidentPulse(AnalysisOutcome outcome, String what) {
        switch (outcome) {
            case AnalysisOutcome.Unusable(var failure) ->
                    assertThat(failure.code()).as(what).isEqualTo(FailureCode.NO_PULSE);
            case AnalysisOutcome.Measured(var vitals) -> {
                assertThat(vitals.confidence().value()).as(what + ": " + vitals).isLessThan(0.3);
                assertThat(vitals.heartRateDoubt()).as(what).startsWith("No clear pulse");
            }
        }
    }

    private static AnalysisOutcome analyse(FaceVideoSpec spec, HeartScenario heart, String name) {
        render(spec, heart, name);
        return analyse(name, spec.container());
    }

    private static HeartTruth render(FaceVideoSpec spec, HeartScenario heart, String name) {
        return FaceVideoGenerator.render(spec, heart, file(name, spec.container()));
    }

    private static AnalysisOutcome analyse(String name, VideoContainer container) {
        return ENGINE.analyze(file(name, container));
    }

    private static Path file(String name, VideoContainer container) {
        return dir.resolve(name + "-" + container + "." + container.extension());
    }

    private static Vitals measured(AnalysisOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        return ((AnalysisOutcome.Measured) outcome).vitals();
    }
}
