package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.application.port.out.SignalEnginePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineBoundsTest {

    @TempDir
    Path dir;

    @Test
    void anAnalysisOverItsBudgetIsAFaultOfThePlatform() {
        Path video = dir.resolve("face.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(6), video);
        RppgSignalEngineAdapter hurried = new RppgSignalEngineAdapter(new SignalEngineConfig("pos", 10, 1, 180, 5, 1e-9));

        assertThatThrownBy(() -> hurried.analyze(video))
                .isInstanceOf(SignalEnginePort.SignalEngineFault.class)
                .hasMessageContaining("budget");
    }

    @Test
    void unknownMethodIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> SignalEngineConfig.withMethod("magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pos, chrom, green, lgi, pbv, omit");
        assertThat(RppgMethods.named("CHROM").name()).isEqualTo("chrom");
    }
}
