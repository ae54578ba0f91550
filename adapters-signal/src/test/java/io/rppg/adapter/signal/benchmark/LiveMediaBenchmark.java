package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.LiveSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.RecorderPieces;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaAnalysis;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.vitals.AnalysisFailure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one live media stream costs the server: a 640x480, 30 fps VP8 WebM (a browser's camera) in quarter-second
 * pieces. The delay from a picture's arrival to the reading of the second it completes, the CPU a stream takes (so
 * how many streams 2 cores decode at real time), and the memory a running stream holds (heap and native).
 *
 * <pre>./mvnw -B -ntp -pl adapters-signal -am verify -Pbenchmark -Dtest=LiveMediaBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class LiveMediaBenchmark {

    private static final double SECONDS = 12;
    private static final double PIECE_SECONDS = 0.25;

    private final LiveSignalEngineAdapter engine = new LiveSignalEngineAdapter(SignalEngineConfig.defaults());

    @Test
    void latencyCpuAndMemoryOfALiveMediaStream(@TempDir Path dir) throws Exception {
        var video = dir.resolve("camera.webm");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSize(640, 480).withSeconds(SECONDS).withHeartRate(72)
                .in(VideoContainer.WEBM_VP8), video);
        var pieces = RecorderPieces.cut(RecorderPieces.liveWebm(video), (int) (SECONDS / PIECE_SECONDS), 1);
        // Warm FFmpeg, the face model and the JIT on one stream first, as a running server is.
        atFullSpeed(pieces);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        atFullSpeed(pieces);
        double cpuPerVideoSecond = (os.getProcessCpuTime() - cpuBefore) / 1e9 / SECONDS;

        var latencies = inRealTime(pieces);
        Arrays.sort(latencies);
        double median = latencies[latencies.length / 2];
        double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];

        int streams = 4;
        System.gc();
        long rssBefore = residentBytes();
        long heapBefore = usedHeap();
        var running = new ArrayList<MediaAnalysis>();
        for (int i = 0; i < streams; i++) {
            var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), new Heard());
            pieces.subList(0, pieces.size() * 3 / 4).forEach(analysis::take);
            running.add(analysis);
        }
        Thread.sleep(8000);
        System.gc();
        long rssPerStream = (residentBytes() - rssBefore) / streams;
        long heapPerStream = (usedHeap() - heapBefore) / streams;
        running.forEach(MediaAnalysis::close);

        System.out.printf(Locale.ROOT, "LIVE MEDIA 640x480 VP8: from a picture's arrival to its second's reading median "
                        + "%.0f ms, p99 %.0f ms (%d seconds); CPU %.3f s per second of video = %.0f%% of a core: %d "
                        + "streams on 2 cores at real time; per running stream %.1f MB resident, %.1f MB heap%n",
                median, p99, latencies.length, cpuPerVideoSecond, 100 * cpuPerVideoSecond,
                (int) Math.floor(2 / cpuPerVideoSecond), rssPerStream / 1048576.0, heapPerStream / 1048576.0);
        assertThat(p99).as("p99 delay, ms").isLessThan(1000);
    }

    private void atFullSpeed(List<byte[]> pieces) {
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), new Heard());
        pieces.forEach(analysis::take);
        analysis.finish();
    }

    /**
     * Sends each piece once the time it covers has passed, as MediaRecorder does; the picture at {@code t} has
     * arrived by {@code start + t + one piece}, and the delay is counted from there to the second's reading.
     */
    private double[] inRealTime(List<byte[]> pieces) throws InterruptedException {
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 6), heard);
        long start = System.nanoTime();
        heard.start = start;
        for (int i = 0; i < pieces.size(); i++) {
            long due = start + (long) ((i + 1) * PIECE_SECONDS * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            analysis.take(pieces.get(i));
        }
        analysis.finish();
        return heard.delays.stream().mapToDouble(d -> d).toArray();
    }

    private static long residentBytes() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static final class Heard implements LiveSignalEnginePort.MediaListener {
        final List<Double> delays = new CopyOnWriteArrayList<>();
        long start;

        @Override
        public void progressed(double seconds, List<Reading> due) {
            // Called at the first picture of each new second, once that second's reading (if any) is made; the
            // picture arrived with the piece that ends after it.
            double arrived = Math.ceil(seconds / PIECE_SECONDS + 1e-9) * PIECE_SECONDS;
            delays.add((System.nanoTime() - start) / 1e6 - arrived * 1000);
        }

        @Override
        public void failed(AnalysisFailure failure) {
        }
    }
}
