package io.rppg.adapter.signal.cli;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonModePrintsOneObjectPerFileAndFailsWhenOneFileFails() {
        Path good = dir.resolve("good.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(8), good);
        Path bad = UnusableVideos.garbage(dir.resolve("bad \"quoted\".mp4"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AnalyzeCommand.run(new String[]{"analyze", good.toString(), bad.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exit).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"file\":").contains("\"heart_rate\":", "\"respiratory_rate\":",
                "\"hrv\":", "\"blood_pressure\":null", "\"confidence\":", "\"timestamp\":", "\"processing_time_ms\":",
                "\"signal_quality\":{\"snr\":", "\"hrv_detail\":").endsWith("}")
                .containsPattern("\"method\":\"auto:(pos|green|lgi)\"");
        assertThat(lines[1]).contains("\"code\":\"UNREADABLE_VIDEO\"", "\"error\":", "bad \\\"quoted\\\".mp4");
    }

    @Test
    void unknownMethodIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AnalyzeCommand.run(new String[]{"analyze", "x.mp4", "--method", "magic"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown rPPG method 'magic'");
    }

    @Test
    void jsonEscapesControlCharactersAndDropsNonFiniteNumbers() {
        String line = new JsonLine().string("s", "a\tb\u0001\\").number("n", Double.NaN).number("x", 1.25).toString();
        assertThat(line).isEqualTo("{\"s\":\"a\\tb\\u0001\\\\\",\"n\":null,\"x\":1.25}");
    }
}
