package io.rppg.bootstrap.live;

import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.RecorderPieces;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.domain.vitals.AnalysisOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Live media streams with real WebSocket clients over real HTTP: a generated face recording, remuxed into the WebM a
 * browser's {@code MediaRecorder} writes and cut into its quarter-second pieces, sent at real-time pace; and the
 * streams that must fail.
 */
class LiveMediaStreamTest extends PlatformTest {

    private static final double HEART_RATE = 78;
    private static final double PIECE_SECONDS = 0.25;

    @TempDir
    static Path dir;
    private static Path video;
    private static List<byte[]> pieces;

    private LiveApi api;

    @BeforeAll
    static void recording() {
        video = dir.resolve("face.webm");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).withHeartRate(HEART_RATE)
                .in(VideoContainer.WEBM_VP8), video);
        pieces = RecorderPieces.cut(RecorderPieces.liveWebm(video), (int) (20 / PIECE_SECONDS), 11);
    }

    @BeforeEach
    void client() {
        api = new LiveApi(port);
    }

    @Test
    void aRecordingStreamedInPiecesGivesWindowsWithTheFaceAndTheUploadsResult() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var browser = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey());
             var dashboard = LiveSocket.connect(port, "/ws?token=" + tenant.memberToken())) {
            browser.await("authenticated", Duration.ofSeconds(5));
            browser.send(body("type", "subscribe", "topic", "vitals", "session_id", session));
            browser.await("subscribed", Duration.ofSeconds(5));
            dashboard.await("authenticated", Duration.ofSeconds(5));
            dashboard.send(body("type", "subscribe", "topic", "vitals", "session_id", session));
            dashboard.await("subscribed", Duration.ofSeconds(5));

            long start = System.nanoTime();
            for (int i = 0; i < pieces.size(); i++) {
                sleepUntil(start + (long) (i * PIECE_SECONDS * 1e9));
                browser.sendBinary(pieces.get(i));
            }
            dashboard.await("vitals", Duration.ofSeconds(2));
            var stopped = expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop",
                    tenant.apiKey()), 200);
            assertThat(stopped.text("status")).isEqualTo("completed");
            double live = stopped.json().path("vitals").path("heart_rate").asDouble();
            var upload = RppgSignalEngineAdapter.withMethod("auto").analyze(video);
            double uploaded = ((AnalysisOutcome.Measured) upload).vitals().heartRate().beatsPerMinute();
            assertThat(live).isCloseTo(uploaded, within(1.0));
            browser.await("completed", Duration.ofSeconds(2));

            var windows = dashboard.received("vitals");
            assertThat(windows).hasSizeBetween(9, 10);
            assertThat(windows.getFirst().path("t").asDouble()).isEqualTo(10);
            var latencies = new ArrayList<Double>();
            for (JsonNode window : windows) {
                assertThat(window.path("heart_rate").asDouble()).as(window.toString())
                        .isCloseTo(HEART_RATE, within(3.0));
                var face = window.path("face");
                assertThat(face.path("w").asInt()).as("face of %s", window).isBetween(40, 320);
                assertThat(face.path("h").asInt()).isBetween(40, 240);
                assertThat(face.path("x").asInt()).isBetween(0, 320 - face.path("w").asInt() + 5);
                // The picture at t was sent at about start + t (the pieces are cut evenly by bytes, a quarter
                // second each): the window's delay is counted from there.
                latencies.add((dashboard.arrivalOf(window) - start) / 1e9 - window.path("t").asDouble());
            }
            assertThat(dashboard.received("status")).isEmpty();
            var sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("live media window latency from the picture's sending: median %.3f s, max %.3f s, "
                    + "all %s%n", sorted[sorted.length / 2], sorted[sorted.length - 1], Arrays.toString(sorted));
            assertThat(sorted[sorted.length / 2]).isLessThan(1.0);
        }
        awaitNoDecoders();
    }

    @Test
    void bytesThatAreNoRecordingFailTheScanWithAReason() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var browser = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            browser.await("authenticated", Duration.ofSeconds(5));
            browser.send(body("type", "subscribe", "session_id", session));
            browser.await("subscribed", Duration.ofSeconds(5));
            var garbage = new byte[20_000];
            new Random(2).nextBytes(garbage);
            browser.sendBinary(garbage);
            var failed = browser.await("failed", Duration.ofSeconds(5));
            assertThat(failed.path("code").asString()).isEqualTo("UNSUPPORTED_FORMAT");
            assertThat(failed.path("error").asString()).contains("WebM or MP4");
        }
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("failed");
        awaitNoDecoders();
    }

    @Test
    void aStreamCutMidPictureFailsWhenStoppedAndATraceIsRefusedByAMediaStream() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var browser = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            browser.await("authenticated", Duration.ofSeconds(5));
            browser.send(body("type", "subscribe", "session_id", session));
            browser.await("subscribed", Duration.ofSeconds(5));
            for (var piece : pieces.subList(0, 10)) {
                browser.sendBinary(piece);
                Thread.sleep(250);
            }
            // The first input made this a media stream: a trace is refused and the stream goes on.
            browser.sendText("{\"type\":\"trace\",\"session_id\":\"" + session + "\",\"samples\":[[0,1,2,3]]}");
            assertThat(browser.await("error", Duration.ofSeconds(5)).path("code").asString())
                    .isEqualTo("UNSUPPORTED_INPUT");
            var stopped = expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop",
                    tenant.apiKey()), 200);
            assertThat(stopped.text("status")).isEqualTo("failed");
            var failed = browser.await("failed", Duration.ofSeconds(2));
            assertThat(failed.path("code").asString()).isEqualTo("VIDEO_TOO_SHORT");
            assertThat(failed.path("error").asString()).contains("at least");
        }
        awaitNoDecoders();
    }

    /**
     * A small recording (20 s, well under FFmpeg's default probe of 1 MB) sent at 10 and at 40 times real time is
     * refused within seconds, long before its 20 s could have been captured, and leaves no decoder behind.
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 40})
    void aSmallRecordingSentFasterThanRealTimeIsRefused(int timesRealTime) throws Exception {
        // A coarse MPEG-4 in a fragmented MP4 at 15 fps: 20 s in less than FFmpeg's default probe of 1 MB.
        var small = dir.resolve("small.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).withFps(15).withHeartRate(HEART_RATE)
                .in(VideoContainer.MP4_MPEG4_COARSE), small);
        var pieces = RecorderPieces.cut(RecorderPieces.liveFragmentedMp4(small), (int) (20 / PIECE_SECONDS), 12);
        assertThat(pieces.stream().mapToLong(piece -> piece.length).sum()).isLessThan(1_000_000);
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var flooder = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            flooder.await("authenticated", Duration.ofSeconds(5));
            flooder.send(body("type", "subscribe", "session_id", session));
            flooder.await("subscribed", Duration.ofSeconds(5));
            long start = System.nanoTime();
            for (int i = 0; i < pieces.size() && !flooder.isClosed(); i++) {
                sleepUntil(start + (long) (i * PIECE_SECONDS / timesRealTime * 1e9));
                try {
                    flooder.sendBinary(pieces.get(i));
                } catch (CompletionException closedMeanwhile) {
                    break;
                }
            }
            var failed = flooder.await("failed", Duration.ofSeconds(10));
            double refusedAfter = (System.nanoTime() - start) / 1e9;
            assertThat(failed.path("code").asString()).isEqualTo("INVALID_STREAM");
            assertThat(failed.path("error").asString()).contains("faster than");
            System.out.printf("a 20 s recording of %d KB sent at %dx real time: refused after %.2f s (%s)%n",
                    pieces.stream().mapToLong(piece -> piece.length).sum() / 1024, timesRealTime, refusedAfter,
                    failed.path("error").asString());
            assertThat(refusedAfter).as("seconds until the flood was refused").isLessThan(10);
        }
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("failed");
        awaitNoDecoders();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Every stream's decoding worker ends with its stream; the platform runs in this JVM. */
    private static void awaitNoDecoders() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (decoders() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(decoders()).as("live media decoders still running").isZero();
    }

    private static long decoders() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("live-media-") && thread.isAlive()).count();
    }
}
