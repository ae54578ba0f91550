package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Heart rate against the drawn truth, over rates, skin tones, motion, lighting and codecs. Inter-frame codecs
 * (mpeg4, VP8/VP9) wipe out most of the sub-level chroma pulse that POS and CHROM rely on, so those methods are
 * held to the lossless FFV1 cases for darker skin; GREEN, which reads luma, is checked on the lossy ones.
 */
class HeartRateAccuracyTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> videos() {
        FaceVideoSpec base = FaceVideoSpec.defaults();
        return Stream.of(
                Arguments.of("pos", base.withSeed(11)),
                Arguments.of("pos", base.withHeartRate(66).withBreathing(12).withMotion(0.1).withLightingDrift(0.2)
                        .withNoise(4).withSeed(12)),
                Arguments.of("pos", base.in(VideoContainer.WEBM_VP9).withSeed(13)),
                Arguments.of("green", base.withHeartRate(48).withBreathing(8).withSeconds(20).withSeed(14)),
                Arguments.of("green", base.withHeartRate(90).withMotion(0.05).withLightingDrift(0.15)
                        .withTone(SkinTone.LIGHT).withSeed(15)),
                Arguments.of("green", base.in(VideoContainer.WEBM_VP8).withSeed(16)),
                Arguments.of("green", base.in(VideoContainer.AVI_MJPEG).withHeartRate(110).withSeed(17)),
                Arguments.of("pos", base.withHeartRate(150).withSdnn(12).withTone(SkinTone.BROWN)
                        .in(VideoContainer.MKV_FFV1).withSeed(18)),
                Arguments.of("pos", base.withHeartRate(45).withSdnn(70).withTone(SkinTone.DARK).withMotion(0.05)
                        .withLightingDrift(0.2).in(VideoContainer.MKV_FFV1).withSeconds(16).withSeed(21)),
                Arguments.of("green", base.withHeartRate(100).withSdnn(25).withTone(SkinTone.DARK).withMotion(0.03)
                        .withSeed(19)),
                Arguments.of("chrom", base.withHeartRate(80).withTone(SkinTone.OLIVE).withLightingDrift(0.15)
                        .in(VideoContainer.MKV_FFV1).withSeed(20)),
                Arguments.of("lgi", base.withHeartRate(124).withTone(SkinTone.LIGHT).withMotion(0.04)
                        .in(VideoContainer.MKV_FFV1).withSeed(25)),
                Arguments.of("omit", base.withHeartRate(70).withTone(SkinTone.BROWN).withLightingDrift(0.1)
                        .in(VideoContainer.MKV_FFV1).withSeed(26)),
                // The default keeps the pulse with the best evidence: on mpeg4, where the chroma pulse is mostly
                // gone, and on lossless video, where it is intact. (Dark skin on mpeg4 is not reliable yet with
                // any method, so it is not claimed here.)
                Arguments.of("auto", base.withHeartRate(85).withTone(SkinTone.BROWN).withLightingDrift(0.1)
                        .withSeconds(20).withSeed(23)),
                Arguments.of("auto", base.withHeartRate(58).withTone(SkinTone.MEDIUM).withMotion(0.06)
                        .in(VideoContainer.MKV_FFV1).withSeed(24)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("videos")
    void heartRateWithinThreeBpm(String method, FaceVideoSpec spec) {
        Path video = dir.resolve("hr-" + spec.seed() + "." + spec.container().extension());
        FaceVideoTruth truth = FaceVideoGenerator.render(spec, video);

        AnalysisOutcome outcome = RppgSignalEngineAdapter.withMethod(method).analyze(video);

        Vitals vitals = VitalsEstimatorTest.measured(outcome);
        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.heartRateBpm(), within(3.0));
        // auto names the candidate it kept: auto:pos, auto:green or auto:lgi.
        assertThat(vitals.method()).matches(method.equals("auto") ? "auto:(pos|green|lgi)" : method);
    }
}
