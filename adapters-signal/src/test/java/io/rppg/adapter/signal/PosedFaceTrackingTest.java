package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poses a frontal cascade lost, held through a whole swaying video: the face is found at once and kept in
 * every picture, by the detector and the follower between its runs.
 */
class PosedFaceTrackingTest {

    @TempDir
    Path dir;

    static Stream<Arguments> poses() {
        FaceVideoSpec base = FaceVideoSpec.defaults().withSeconds(8).withMotion(0.06);
        return Stream.of(
                Arguments.of("tilted 45 degrees", base.withRoll(45).withSeed(61)),
                Arguments.of("tilted -30 degrees", base.withRoll(-30).withSeed(62)),
                Arguments.of("turned 30 degrees", base.withYaw(30).withSeed(63)),
                Arguments.of("80 px wide in 640x480", base.withSize(640, 480).withFaceSize(80.0 / 480).withSeed(64)),
                Arguments.of("portrait stored sideways", base.withSize(360, 640).withRoll(20).turnedBy(90)
                        .withSeed(65)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poses")
    void theFaceIsHeldInEveryPicture(String pose, FaceVideoSpec spec) throws Exception {
        Path video = dir.resolve("posed.mp4");
        FaceVideoGenerator.render(spec, video);

        SkinTrace trace = new SkinTraceReader(SignalEngineConfig.defaults()).read(video);

        assertThat(trace.pictures).isEqualTo(240);
        assertThat(trace.picturesWithFace).as(pose).isEqualTo(trace.pictures);
    }
}
