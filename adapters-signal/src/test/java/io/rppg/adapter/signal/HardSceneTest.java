package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.Scene;
import io.rppg.adapter.signal.fixture.Scene.ExposureStep;
import io.rppg.adapter.signal.fixture.Scene.HandPass;
import io.rppg.adapter.signal.fixture.Scene.SecondFace;
import io.rppg.adapter.signal.fixture.Scene.ShadedCheek;
import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.Vitals;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What real recordings add to a face, each on its own, read by the default method within 3 bpm: another person in
 * view (with another pulse, bigger for a moment), a hand crossing the face, the camera's exposure and white
 * balance jumping, a dim noisy room, a cheek in shadow under camera noise, portrait video stored turned, uneven and
 * unusual frame rates.
 */
class HardSceneTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> scenes() {
        FaceVideoSpec base = FaceVideoSpec.defaults().withSeconds(15).withSize(480, 360).withMotion(0.03);
        Scene calm = Scene.calm();
        return Stream.of(
                Arguments.of("a bigger second face for most of the clip", base.withFaceSize(0.3).withHeartRate(66)
                        .withSeed(71), calm.withSecondFace(new SecondFace(0.36, 0.83, 0.45, 112, 3, 13))),
                Arguments.of("a bigger second face from the start, at the side", base.withFaceSize(0.3)
                        .withHeartRate(78).withSeed(72),
                        calm.withSecondFace(new SecondFace(0.36, 0.15, 0.45, 120, 0, 15))),
                Arguments.of("a hand crossing the face", base.withHeartRate(84).withSeed(73),
                        calm.withHand(new HandPass(5, 7))),
                Arguments.of("exposure and white balance steps", base.withHeartRate(70).withSeed(74),
                        calm.withExposureSteps(ExposureStep.exposure(4, 1.15),
                                new ExposureStep(9, 1.05, 1.0, 0.93))),
                Arguments.of("a dim room with camera noise", base.withHeartRate(76).withBrightness(0.35).withNoise(5)
                        .withTone(SkinTone.OLIVE).withSeed(75), calm),
                Arguments.of("a dark face in a dim room", base.withHeartRate(58).withBrightness(0.5).withNoise(4)
                        .withTone(SkinTone.DARK).withSeed(85), calm),
                Arguments.of("uneven frame rate with dropped pictures", base.withHeartRate(68).withSeed(77),
                        calm.withVariableFrameRate()),
                Arguments.of("15 pictures a second", base.withFps(15).withHeartRate(72).withSeed(78), calm),
                Arguments.of("60 pictures a second", base.withFps(60).withSeconds(12).withHeartRate(96)
                        .withSeed(79), calm),
                Arguments.of("a cheek in shadow under blotchy camera noise", base.withHeartRate(74).withSeed(81),
                        calm.withShadedCheek(new ShadedCheek(0.4, 20, 4))),
                Arguments.of("portrait, stored turned, tilted", base.withSize(360, 640).withRoll(25).turnedBy(270)
                        .withHeartRate(88).withSeed(80), calm));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void heartRateWithinThreeBpm(String name, FaceVideoSpec spec, Scene scene) {
        Path video = dir.resolve("scene-" + spec.seed() + "." + spec.container().extension());
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, scene, video);

        Vitals vitals = VitalsEstimatorTest.measured(new RppgSignalEngineAdapter(SignalEngineConfig.defaults())
                .analyze(video));

        assertThat(vitals.heartRate().beatsPerMinute()).as(name).isCloseTo(truth.heartRateBpm(), within(3.0));
    }

    /**
     * A cheek in shadow under blotchy camera noise still shows skin and stays in the join, but its colour is mostly
     * noise: weighed by its own pulse it loses most of its weight, and the joined pulse stands out clearly more than
     * with the weights the regions were read with.
     */
    @Test
    void aCheekInShadowUnderNoiseIsWeighedDownAndThePulseStandsOut() throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(15).withSize(480, 360).withMotion(0.03)
                .withHeartRate(83).withSeed(82);
        Path video = dir.resolve("shaded-82." + spec.container().extension());
        FaceVideoTruth truth = FaceVideoGenerator.render(spec,
                Scene.calm().withShadedCheek(new ShadedCheek(0.4, 20, 4)), video);
        SkinTrace trace = new SkinTraceReader(SignalEngineConfig.defaults()).read(video);
        int[] run = trace.longestRun(0.5);

        var judgement = RegionWeighting.judge(trace, run[0], run[1]);
        Vitals weighed = VitalsEstimatorTest.measured(new VitalsEstimator(RppgMethods.named("auto"))
                .estimate(trace, run[0], run[1], 1));
        Vitals asRead = VitalsEstimatorTest.measured(new VitalsEstimator(RppgMethods.named("auto"))
                .estimate(withoutRegions(trace), run[0], run[1], 1));

        assertThat(judgement).isInstanceOf(RegionWeighting.Judgement.Weighed.class);
        double[] quality = ((RegionWeighting.Judgement.Weighed) judgement).quality();
        assertThat(quality[0]).as("forehead").isEqualTo(1.0);
        assertThat(quality[1]).as("right cheek, shaded").isLessThan(0.2);
        assertThat(quality[2]).as("left cheek").isEqualTo(1.0);
        assertThat(weighed.heartRate().beatsPerMinute()).isCloseTo(truth.heartRateBpm(), within(3.0));
        assertThat(weighed.signalQuality().snrDb()).isGreaterThan(asRead.signalQuality().snrDb() + 3);
        assertThat(weighed.confidence().value()).isGreaterThan(asRead.confidence().value());

        // A live window of the same pictures is weighed the same way.
        Reading liveWeighed = new LiveWindowReader(RppgMethods.named("auto"), 10).windowEndingAt(trace, 14, null);
        Reading liveAsRead = new LiveWindowReader(RppgMethods.named("auto"), 10)
                .windowEndingAt(withoutRegions(trace), 14, null);
        assertThat(liveWeighed).isInstanceOf(Reading.Window.class);
        assertThat(liveAsRead).isInstanceOf(Reading.Window.class);
        assertThat(((Reading.Window) liveWeighed).window().snrDb())
                .isGreaterThan(((Reading.Window) liveAsRead).window().snrDb() + 3);
    }

    /** The same joined colour without the regions' steps, as it was before they were weighed. */
    private static SkinTrace withoutRegions(SkinTrace trace) {
        SkinTrace plain = new SkinTrace();
        for (int i = 0; i < trace.size(); i++) {
            plain.add(trace.seconds()[i], trace.red()[i], trace.green()[i], trace.blue()[i], trace.vertical()[i],
                    0, trace.reference()[i]);
        }
        return plain;
    }

    /**
     * A small picture at a lean quantiser (mpeg4 at 4, about 170 kbit/s at 640x360): its inter-coded pictures still
     * carry enough of the pulse to read it.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {76, 86})
    void aLeanlyCompressedPictureIsReadWithinThreeBpm(long seed) {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(15).withSize(640, 360).withMotion(0.03)
                .withHeartRate(seed == 76 ? 92 : 70).in(VideoContainer.MP4_MPEG4_LEAN).withSeed(seed);
        Path video = dir.resolve("lean-" + seed + ".mp4");
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, video);

        Vitals vitals = VitalsEstimatorTest.measured(new RppgSignalEngineAdapter(SignalEngineConfig.defaults())
                .analyze(video));

        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.heartRateBpm(), within(3.0));
    }

    /**
     * A face without a pulse at that coarse quantiser (the benchmark's pulseless face of seed 304), swaying as every
     * generated face does: the codec's blocks carry the sway (38 times a minute) into the skin's colour as a faint but
     * steady swing, which was once read as a heart rate at confidence 0.68. At the pace the head moves, a faint swing
     * is doubted however steady.
     */
    @Test
    void aSwayingFaceWithoutAPulseInACoarsePictureGivesNoConfidentHeartRate() {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(20).withSize(640, 360).withMotion(0.03)
                .withHeartRate(83).withTone(SkinTone.BROWN).withPulseStrength(0)
                .in(VideoContainer.MP4_MPEG4_COARSE).withSeed(304);
        Path video = dir.resolve("coarse-swaying-304.mp4");
        FaceVideoGenerator.render(spec, video);

        PulseTruthTest.assertNoConfidentPulse(new RppgSignalEngineAdapter(SignalEngineConfig.defaults())
                .analyze(video), "a swaying face without a pulse, mpeg4 at quantiser 8");
    }

    /**
     * The same small picture at a coarse quantiser (mpeg4 at 8) keeps too little of the pulse to be read: its
     * inter-coded pictures carry the skin over from the one before and code almost none of its sub-level change,
     * and the intra-coded ones, every 2 s, sample it far too seldom (coded all-intra at that quantiser, the same
     * faces are read within 0.3 bpm). Whatever rate comes back must then say so, with a confidence below 0.3 and
     * the reason, and never be confidently wrong.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {76, 86})
    void aHeavilyCompressedPictureIsReadOrDoubtedNeverConfidentlyWrong(long seed) {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(15).withSize(640, 360).withMotion(0.03)
                .withHeartRate(seed == 76 ? 92 : 70).in(VideoContainer.MP4_MPEG4_COARSE).withSeed(seed);
        Path video = dir.resolve("coarse-" + seed + ".mp4");
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, video);

        Vitals vitals = VitalsEstimatorTest.measured(new RppgSignalEngineAdapter(SignalEngineConfig.defaults())
                .analyze(video));

        if (Math.abs(vitals.heartRate().beatsPerMinute() - truth.heartRateBpm()) > 3) {
            assertThat(vitals.confidence().value()).isLessThan(0.3);
            assertThat(vitals.heartRateDoubt()).isNotBlank();
        }
    }
}
