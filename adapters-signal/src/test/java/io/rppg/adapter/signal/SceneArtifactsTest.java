package io.rppg.adapter.signal;

import io.rppg.adapter.signal.TraceArtifact.Kind;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.Scene;
import io.rppg.adapter.signal.fixture.Scene.ExposureStep;
import io.rppg.adapter.signal.fixture.Scene.HandPass;
import io.rppg.domain.vitals.RecordingArtifact;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reader notices what disturbs the skin colour, and says when: a hand crossing a cheek takes that region out
 * while it passes; the camera's exposure and white-balance jumps are found at the picture where they happen; a calm
 * scene has neither.
 */
class SceneArtifactsTest {

    private static final FaceVideoSpec BASE = FaceVideoSpec.defaults().withSeconds(10).withSize(480, 360);

    @TempDir
    Path dir;

    @Test
    void aHandCrossingTheFaceTakesRegionsOutWhileItPasses() throws Exception {
        List<TraceArtifact> artifacts = artifactsOf(BASE.withSeed(81), Scene.calm().withHand(new HandPass(4, 6)));

        List<TraceArtifact> leftOut = artifacts.stream().filter(a -> a.kind() == Kind.REGION_LEFT_OUT).toList();
        assertThat(leftOut).isNotEmpty()
                .allSatisfy(a -> assertThat(a.from()).isBetween(3.9, 7.0));
        assertThat(artifacts).noneMatch(a -> a.kind() == Kind.FACE_LOST);
    }

    @Test
    void exposureAndWhiteBalanceJumpsAreFoundWhereTheyHappen() throws Exception {
        List<TraceArtifact> artifacts = artifactsOf(BASE.withSeed(82), Scene.calm().withExposureSteps(
                ExposureStep.exposure(3, 1.12), new ExposureStep(7, 1.06, 1.0, 0.92)));

        List<TraceArtifact> steps = artifacts.stream().filter(a -> a.kind() == Kind.EXPOSURE_STEP).toList();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).from()).isCloseTo(3, within(0.05));
        assertThat(steps.get(1).from()).isCloseTo(7, within(0.05));
    }

    @Test
    void theEngineReportsTheExposureStepWithTheVitals() throws Exception {
        Path video = dir.resolve("step.mp4");
        FaceVideoGenerator.render(BASE.withSeed(84), Scene.calm().withExposureSteps(ExposureStep.exposure(5, 1.12)),
                video);

        Vitals vitals = VitalsEstimatorTest.measured(
                new RppgSignalEngineAdapter(SignalEngineConfig.defaults()).analyze(video));

        assertThat(vitals.artifacts()).filteredOn(a -> a.type() == RecordingArtifact.Type.EXPOSURE_STEP)
                .singleElement().satisfies(a -> assertThat(a.startSeconds()).isCloseTo(5, within(0.05)));
    }

    @Test
    void aCalmSceneHasNoArtifacts() throws Exception {
        assertThat(artifactsOf(BASE.withMotion(0.04).withSeed(83), Scene.calm())).isEmpty();
    }

    private List<TraceArtifact> artifactsOf(FaceVideoSpec spec, Scene scene) throws Exception {
        Path video = dir.resolve("scene.mp4");
        FaceVideoGenerator.render(spec, scene, video);
        return new SkinTraceReader(SignalEngineConfig.defaults()).read(video).artifacts();
    }
}
