package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SkinTraceReaderTest {

    @TempDir
    Path dir;

    /**
     * A swaying face without any pulse or breathing: its skin colour stays put, so no step between pictures may
     * stand out from the sensor noise, neither at the first picture (sampled before the usual skin brightness is
     * known) nor where the face box follows the face onto other skin. Band-passed, each such step would become a
     * burst of false pulse.
     */
    @Test
    void aFaceWithoutPulseGivesATraceWithoutSteps() throws Exception {
        Path video = dir.resolve("sway.mkv");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withPulseStrength(0).withBreathing(0).withMotion(0.08)
                .in(VideoContainer.MKV_FFV1).withSeed(5), video);

        SkinTrace trace = new SkinTraceReader(SignalEngineConfig.defaults()).read(video);

        assertThat(trace.size()).isEqualTo(trace.pictures).isGreaterThan(300);
        double[] steps = new double[trace.size() - 1];
        for (int i = 1; i < trace.size(); i++) {
            steps[i - 1] = Math.abs(trace.green()[i] - trace.green()[i - 1]);
        }
        Arrays.sort(steps);
        double typical = steps[steps.length / 2];
        assertThat(steps[steps.length - 1]).isLessThan(10 * typical);
    }
}
