package io.rppg.adapter.signal;

import io.rppg.adapter.signal.probe.FfmpegVideoProbeAdapter;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HEVC as phones record it, in 8 and 10 bits (the 10-bit pictures are converted to 8-bit 4:2:0 before the face
 * work). The files and their truths are described in {@code src/test/resources/video/README.md}.
 */
class HevcVideoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "face-88bpm-hevc.mp4, 88.17, 14",
            "face-64bpm-hevc-main10.mp4, 63.72, 12",
    })
    void anHevcVideoIsProbedDecodedAndMeasured(String name, double trueBpm, double trueBreaths) throws Exception {
        Path video = resource(name);

        assertThat(new FfmpegVideoProbeAdapter().probe(video)).isInstanceOf(ProbeResult.Readable.class);
        try (VideoReader reader = VideoReader.open(video)) {
            assertThat(reader.codecName()).isEqualTo("hevc");
        }
        AnalysisOutcome outcome = new RppgSignalEngineAdapter(SignalEngineConfig.defaults()).analyze(video);

        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        Vitals vitals = ((AnalysisOutcome.Measured) outcome).vitals();
        assertThat(vitals.framesAnalysed()).isGreaterThanOrEqualTo(350);
        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(trueBpm, within(3.0));
        assertThat(vitals.respiratoryRate().value()).hasValueSatisfying(
                rate -> assertThat(rate.breathsPerMinute()).isCloseTo(trueBreaths, within(2.0)));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HevcVideoTest.class.getResource("/video/" + name).toURI());
    }
}
