package io.rppg.adapter.signal.cli;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.SkinColourTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.regex.Pattern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveAnalyzeCommandTest {


    @TempDir
    Path dir;

    @Test
    void aLiveReplayOfAVideoPrintsAWindowLinePerSecondThenTheUploadsResult() {
        Path video = dir.resolve("face.mp4");
        var truth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(13).withHeartRate(77), video);

        var lines = run("analyze", "--live", video.toString(), "--json");
        var windows = Arrays.stream(lines).limit(lines.length - 1).toList();
        assertThat(windows).hasSizeBetween(2, 3);
        assertThat(number(windows.get(0), "t")).isEqualTo(10);
        for (var window : windows) {
            assertThat(window).contains("\"type\":\"vitals\"", "\"file\":");
            assertThat(number(window, "heart_rate")).as(window).isCloseTo(truth.heartRateBpm(), within(3.0));
        }
        var last = lines[lines.length - 1];
        var upload = run("analyze", video.toString(), "--json")[0];
        assertThat(number(last, "heart_rate")).isEqualTo(number(upload, "heart_rate"));
    }

    @Test
    void aTraceFileIsAnalysedAndAFingertipTraceIsReadFromItsRedChannel() throws IOException {
        Path face = dir.resolve("face.csv");
        Files.writeString(face, "time,R,G,B\n" + SkinColourTrace.of(91, 20, 30, 5).stream()
                .map(s -> String.format(Locale.ROOT, "%.0f,%.3f,%.3f,%.3f", s.millis(), s.red(), s.green(), s.blue()))
                .collect(Collectors.joining("\n")));
        var measured = run("analyze", "--trace", face.toString(), "--json")[0];
        assertThat(number(measured, "heart_rate")).isCloseTo(91, within(1.0));

        // A fingertip on the camera: red near saturation dims with each beat, green and blue are dark.
        Path finger = dir.resolve("finger.csv");
        var rows = new StringBuilder("time,R,G,B\n");
        for (int i = 0; i < 900; i++) {
            double t = i / 30.0;
            double pulse = Math.sin(2 * Math.PI * 1.2 * t) + 0.3 * Math.sin(4 * Math.PI * 1.2 * t);
            rows.append(String.format(Locale.ROOT, "%.0f,%.3f,0.0,0.01%n", t * 1000, 250 - 0.4 * pulse));
        }
        Files.writeString(finger, rows);
        var fingertip = run("analyze", "--trace", finger.toString(), "--source", "finger", "--json")[0];
        assertThat(number(fingertip, "heart_rate")).isCloseTo(72, within(1.0));
        assertThat(fingertip).contains("\"method\":\"contact\"");
    }

    @Test
    void aMalformedTraceFileFailsNamingItsLine() throws IOException {
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "0,1,2,3\n33,1,2\n");
        var out = new ByteArrayOutputStream();
        int exit = AnalyzeCommand.run(new String[]{"analyze", "--trace", broken.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNREADABLE_TRACE", "line 2");
    }

    private static double number(String jsonLine, String field) {
        var matcher = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(jsonLine);
        assertThat(matcher.find()).as("%s in %s", field, jsonLine).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String[] run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).strip().split("\n");
    }
}
