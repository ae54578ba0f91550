package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrientationAndBreathingTest {

    @TempDir
    static Path dir;

    /** Phones store portrait video turned; the detector looks for upright faces, so this fails without the turn. */
    @ParameterizedTest(name = "turned by {0}")
    @ValueSource(ints = {90, 180, 270})
    void facesStoredTurnedAreMeasured(int rotation) {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSize(240, 320).withSeconds(10).turnedBy(rotation)
                .withSeed(30 + rotation);
        Rendered rendered = measure(spec, "turned-" + rotation + ".mp4", "green");
        assertThat(rendered.vitals().heartRate().beatsPerMinute())
                .isCloseTo(rendered.truth().heartRateBpm(), within(3.0));
    }

    @ParameterizedTest(name = "{0} breaths/min, motion {1}")
    @CsvSource({"8, 0.0", "15, 0.03", "25, 0.06"})
    void breathingRateWithinTwoBreathsPerMinute(double breaths, double motion) {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(20).withBreathing(breaths).withMotion(motion)
                .withHeartRate(64 + breaths).withSeed((long) breaths);
        Rendered rendered = measure(spec, "breathing-" + (int) breaths + ".mp4", "pos");
        assertThat(rendered.vitals().respiratoryRate().value()).isPresent();
        assertThat(rendered.vitals().respiratoryRate().value().orElseThrow().breathsPerMinute())
                .isCloseTo(rendered.truth().breathsPerMinute(), within(2.0));
    }

    /** Lossless video: beat timing is limited by the pulse itself, not by the codec (lossy codecs inflate SDNN). */
    @Test
    void variabilityFollowsTheDrawnBeats() {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(30).withHeartRate(62).withSdnn(60)
                .in(VideoContainer.MKV_FFV1).withSeed(41);
        Path video = dir.resolve("hrv.mkv");
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, video);
        Vitals vitals = analysed(video, "pos");
        assertThat(vitals.heartRateVariability().value()).isPresent();
        assertThat(vitals.heartRateVariability().value().orElseThrow().sdnnMs()).isCloseTo(truth.sdnnMs(),
                within(0.25 * truth.sdnnMs()));
    }

    /** A few beats cannot tell variability from the timing error of each beat: a clean 12 s video gives none. */
    @Test
    void variabilityNeedsFifteenSecondsOfPulse() {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(12).in(VideoContainer.MKV_FFV1).withSeed(43);
        Vitals vitals = measure(spec, "short.mkv", "pos").vitals();
        assertThat(vitals.heartRateVariability().value()).isEmpty();
        assertThat(vitals.heartRateVariability().reasonMissing()).hasValueSatisfying(
                reason -> assertThat(reason).contains("15 s needed"));
    }

    /** No figure is better than a wrong one: a tiny, noisy face must not yield HRV, and must lower confidence. */
    @Test
    void weakPulseGivesNoVariabilityAndLessConfidence() {
        FaceVideoSpec clean = FaceVideoSpec.defaults().withSeconds(12).in(VideoContainer.MKV_FFV1).withSeed(43);
        // Long enough for HRV, so that only the weak pulse can be why there is none.
        FaceVideoSpec weak = FaceVideoSpec.defaults().withSeconds(20).withSize(200, 150).withPulseStrength(0.004)
                .withNoise(5).withSeed(42);
        Vitals good = measure(clean, "clean.mkv", "pos").vitals();
        Vitals poor = measure(weak, "weak.mp4", "pos").vitals();
        assertThat(poor.heartRateVariability().reasonMissing()).hasValueSatisfying(
                reason -> assertThat(reason).contains("Pulse too noisy"));
        assertThat(good.confidence().value()).isGreaterThan(0.6);
        assertThat(poor.confidence().value()).isLessThan(0.5).isLessThan(good.confidence().value() - 0.2);
    }

    /** What a rendered video really holds, and what the engine made of it. */
    private record Rendered(FaceVideoTruth truth, Vitals vitals) {
    }

    private static Rendered measure(FaceVideoSpec spec, String name, String method) {
        Path video = dir.resolve(name);
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, video);
        return new Rendered(truth, analysed(video, method));
    }

    private static Vitals analysed(Path video, String method) {
        return VitalsEstimatorTest.measured(RppgSignalEngineAdapter.withMethod(method).analyze(video));
    }
}
