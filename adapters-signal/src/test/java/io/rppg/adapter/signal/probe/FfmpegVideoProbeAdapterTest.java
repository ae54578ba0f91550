package io.rppg.adapter.signal.probe;

import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegVideoProbeAdapterTest {

    @TempDir
    static Path dir;

    private static Path video;

    private final FfmpegVideoProbeAdapter probe = new FfmpegVideoProbeAdapter();

    /** Two seconds of a small MPEG-4 Part 2 video in an MP4 container, made with FFmpeg itself. */
    @BeforeAll
    static void recordAVideo() throws Exception {
        video = dir.resolve("two-seconds.mp4");
        try (var recorder = new FFmpegFrameRecorder(video.toFile(), 64, 48)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 20; i++) {
                var frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                var pixels = (ByteBuffer) frame.image[0];
                for (int p = 0; p < pixels.capacity(); p++) {
                    pixels.put(p, (byte) (p + i * 7));
                }
                recorder.record(frame);
            }
            recorder.stop();
        }
    }

    @Test
    void aWholeVideoIsReadableWithItsDuration() {
        var result = probe.probe(video);

        assertThat(result).isInstanceOf(ProbeResult.Readable.class);
        assertThat(((ProbeResult.Readable) result).duration())
                .isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    }

    @Test
    void aTruncatedVideoWithTheRightMagicIsUnreadable() throws IOException {
        var bytes = Files.readAllBytes(video);
        var truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(probe.probe(truncated)).isInstanceOf(ProbeResult.Unreadable.class);
    }

    @Test
    void garbageBehindAnMp4SignatureIsUnreadable() throws IOException {
        var garbage = new byte[4096];
        var head = "\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, garbage, 0, head.length);
        for (int i = head.length; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 131 + 7);
        }
        var file = dir.resolve("garbage.mp4");
        Files.write(file, garbage);

        var result = probe.probe(file);

        assertThat(result).isInstanceOf(ProbeResult.Unreadable.class);
        assertThat(((ProbeResult.Unreadable) result).reason()).isNotBlank()
                .doesNotContain(dir.toString()).doesNotContain("garbage.mp4");
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThat(probe.probe(dir.resolve("nothing-here.mp4"))).isInstanceOf(ProbeResult.Unreadable.class);
    }

    /**
     * FFmpeg's complaint about a damaged upload goes to the log at debug level, and nothing reaches the process's
     * standard error: neither through {@code System.err} nor from FFmpeg's native code, whose default logger writes
     * to file descriptor 2 directly, past anything a redirect of {@code System.err} could see. So the probe runs in
     * a JVM of its own, and all of that process's standard error is captured.
     */
    @Test
    void ffmpegMessagesGoToTheLogAndNothingToStandardError() throws Exception {
        var truncated = dir.resolve("truncated-for-log.mp4");
        var bytes = Files.readAllBytes(video);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        var stderr = dir.resolve("probe-stderr.txt");

        var probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As the platform's jar declares: JavaCV loads native code, which JDK 24+ warns about otherwise.
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ProbeInItsOwnProcess.class.getName(),
                truncated.toString())
                .redirectError(stderr.toFile()).start();
        var stdout = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(stderr)).as("the probe's standard error").isEmpty();
        assertThat(probe.exitValue()).as(stdout).isZero();
        assertThat(stdout.lines()).contains("result Unreadable")
                .anySatisfy(line -> assertThat(line).startsWith("ffmpeg ").contains("moov atom not found"));
    }
}
