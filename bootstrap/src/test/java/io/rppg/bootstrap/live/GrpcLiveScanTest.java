package io.rppg.bootstrap.live;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.GrpcServer;
import io.rppg.adapter.grpc.v1.GetScanRequest;
import io.rppg.adapter.grpc.v1.LiveInput;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.ScanStatus;
import io.rppg.adapter.grpc.v1.StartStreamRequest;
import io.rppg.adapter.grpc.v1.StopStreamRequest;
import io.rppg.adapter.grpc.v1.StreamRequest;
import io.rppg.adapter.grpc.v1.TraceBatch;
import io.rppg.adapter.grpc.v1.TraceSample;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.RecorderPieces;
import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.grpc.GrpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static io.rppg.bootstrap.grpc.GrpcClient.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Live scans over gRPC with generated Java clients on the server's real port: LiveScan, StreamVitals, refusals. */
class GrpcLiveScanTest extends PlatformTest {

    @Autowired
    private GrpcServer grpcServer;
    private GrpcClient grpc;
    private LiveApi api;

    @BeforeEach
    void connect() {
        grpc = new GrpcClient(grpcServer.port());
        api = new LiveApi(port);
    }

    @AfterEach
    void disconnect() {
        grpc.close();
    }

    @Test
    void aTraceFedOverLiveScanGivesWindowsToItAndToASecondClientAndEndsWithTheScan() throws Exception {
        var tenant = api.createTenant();
        var phone = new Listener();
        var input = grpc.liveAsync(tenant.apiKey()).liveScan(phone);
        input.onNext(LiveInput.newBuilder().setStart(StartStreamRequest.getDefaultInstance()).build());
        var started = phone.next(Duration.ofSeconds(10));
        assertThat(started.hasStarted()).as(started.toString()).isTrue();
        var session = started.getSessionId();
        assertThat(started.getStarted().getStreamId()).startsWith("str_");
        assertThat(started.getStarted().getConfig().getWindowSeconds()).isEqualTo(10);

        var dashboard = new Listener();
        grpc.liveAsync(tenant.memberToken()).streamVitals(StreamRequest.newBuilder().setSessionId(session).build(),
                dashboard);

        feedInRealTime(input, SkinColourTrace.of(71, 13.2, 30, 21));
        input.onCompleted();

        var phoneMessages = phone.untilEnd(Duration.ofSeconds(20));
        var dashboardMessages = dashboard.untilEnd(Duration.ofSeconds(20));
        var windows = phoneMessages.stream().filter(VitalsWindow::hasWindow).toList();
        assertThat(windows).hasSizeBetween(3, 4);
        assertThat(windows.getFirst().getWindow().getT()).isEqualTo(10);
        for (var window : windows) {
            assertThat(window.getSessionId()).isEqualTo(session);
            assertThat(window.getWindow().getHeartRate()).as(window.toString()).isCloseTo(71, within(3.0));
            assertThat(window.getWindow().getWindowSeconds()).isCloseTo(10, within(0.2));
            assertThat(window.getWindow().hasFace()).isFalse();
        }
        assertThat(windows.get(1).getWindow().getWaveformCount()).isEqualTo(30);
        assertThat(dashboardMessages.stream().filter(VitalsWindow::hasWindow).map(m -> m.getWindow()).toList())
                .isEqualTo(windows.stream().map(m -> m.getWindow()).toList());

        var ended = phoneMessages.getLast();
        assertThat(ended.hasEnded()).isTrue();
        assertThat(ended.getEnded().getStatus()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(ended.getEnded().getVitals().getHeartRate()).isCloseTo(71, within(1.0));
        assertThat(dashboardMessages.getLast().getEnded()).isEqualTo(ended.getEnded());
        assertThat(phone.completed()).isTrue();
        assertThat(dashboard.completed()).isTrue();

        var v1 = expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200);
        assertThat(v1.text("status")).isEqualTo("completed");
        assertThat(v1.json().path("vitals").path("heart_rate").asDouble())
                .isEqualTo(ended.getEnded().getVitals().getHeartRate());
    }

    @Test
    void mediaPiecesOverLiveScanGiveWindowsWithTheFaceAndEndAsAnUpload() throws Exception {
        var tenant = api.createTenant();
        var path = Files.createTempFile("live-media", ".webm");
        var truth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(14).withHeartRate(74)
                .in(VideoContainer.WEBM_VP8).withSeed(33), path);
        var pieces = RecorderPieces.cut(RecorderPieces.liveWebm(path), 14, 9);
        Files.delete(path);

        var phone = new Listener();
        var input = grpc.liveAsync(tenant.apiKey()).liveScan(phone);
        input.onNext(LiveInput.newBuilder().setStart(StartStreamRequest.getDefaultInstance()).build());
        assertThat(phone.next(Duration.ofSeconds(10)).hasStarted()).isTrue();
        // One piece a second, as a recorder with a 1000 ms timeslice hands them over.
        for (var piece : pieces) {
            input.onNext(LiveInput.newBuilder().setMedia(ByteString.copyFrom(piece)).build());
            Thread.sleep(1000);
        }
        input.onCompleted();

        var messages = phone.untilEnd(Duration.ofSeconds(60));
        var windows = messages.stream().filter(VitalsWindow::hasWindow).toList();
        assertThat(windows).as(messages.toString()).isNotEmpty();
        for (var window : windows) {
            assertThat(window.getWindow().hasFace()).isTrue();
            assertThat(window.getWindow().getFace().getW()).isPositive();
        }
        var ended = messages.getLast().getEnded();
        assertThat(ended.getStatus()).as(ended.toString()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(ended.getVitals().getHeartRate()).isCloseTo(truth.heartRateBpm(), within(3.0));
    }

    @Test
    void aCancelledLiveScanFailsItsScanAndLeavesNoStreamRunning() throws Exception {
        var tenant = api.createTenant();
        var phone = new Listener();
        var input = grpc.liveAsync(tenant.apiKey()).liveScan(phone);
        input.onNext(LiveInput.newBuilder().setStart(StartStreamRequest.getDefaultInstance()).build());
        var started = phone.next(Duration.ofSeconds(10)).getStarted();
        input.onNext(trace(SkinColourTrace.of(70, 1, 30, 3)));
        input.onError(Status.CANCELLED.withDescription("the app went to the background").asRuntimeException());

        var result = ended(tenant.apiKey(), started.getSessionId());
        assertThat(result.getStatus()).as(result.toString()).isEqualTo(ScanStatus.FAILED);
        assertThat(result.getErrorCode()).isEqualTo("INVALID_STREAM");
        refusal(() -> grpc.live(tenant.apiKey()).stopStream(StopStreamRequest.newBuilder()
                .setStreamId(started.getStreamId()).build()), Status.Code.FAILED_PRECONDITION, "STREAM_UNAVAILABLE");
    }

    @Test
    void streamsStartAndStopLikeTheRestRoutesAndRefuseWithTheirCodes() throws Exception {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var device = expect(api.post("/v2/devices", tenant.adminToken(), body("name", "kiosk 1", "type", "kiosk")),
                201).text("device_id");
        var live = grpc.live(tenant.apiKey());

        var started = live.startStream(StartStreamRequest.newBuilder().setDeviceId(device).build());
        assertThat(started.getDeviceId()).isEqualTo(device);
        var busy = refusal(() -> live.startStream(StartStreamRequest.newBuilder().setDeviceId(device).build()),
                Status.Code.FAILED_PRECONDITION, "DEVICE_BUSY");
        assertThat(busy.getStatus().getDescription()).contains(started.getStreamId());
        refusal(() -> grpc.live(other.apiKey()).startStream(StartStreamRequest.newBuilder().setDeviceId(device)
                .build()), Status.Code.NOT_FOUND, "DEVICE_NOT_FOUND");
        refusal(() -> grpc.live(other.apiKey()).streamVitals(StreamRequest.newBuilder()
                .setSessionId(started.getSessionId()).build()).hasNext(), Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");

        // Samples for a stream of another tenant: that stream is not this caller's to feed.
        var intruder = new Listener();
        var input = grpc.liveAsync(other.apiKey()).liveScan(intruder);
        input.onNext(LiveInput.newBuilder().setSessionId(started.getSessionId()).build());
        assertThat(intruder.failure(Duration.ofSeconds(10)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        var stopped = live.stopStream(StopStreamRequest.newBuilder().setDeviceId(device).build());
        assertThat(stopped.getSessionId()).isEqualTo(started.getSessionId());
        // Stopped before any input: the scan fails with its reason, as the REST stop answers it.
        assertThat(stopped.getStatus()).isEqualTo(ScanStatus.FAILED);
        assertThat(stopped.getErrorCode()).isNotEmpty();
        assertThat(stopped.getError()).isNotEmpty();
        refusal(() -> live.stopStream(StopStreamRequest.newBuilder().setDeviceId(device).build()),
                Status.Code.FAILED_PRECONDITION, "STREAM_UNAVAILABLE");

        // A malformed trace fails the stream it feeds with the reason.
        var phone = new Listener();
        var feeding = grpc.liveAsync(tenant.apiKey()).liveScan(phone);
        feeding.onNext(LiveInput.newBuilder().setStart(StartStreamRequest.getDefaultInstance()).build());
        var own = phone.next(Duration.ofSeconds(10)).getStarted();
        feeding.onNext(LiveInput.newBuilder().setTrace(TraceBatch.newBuilder().addSamples(TraceSample.newBuilder()
                .setTMs(0).setR(300).setG(10).setB(10))).build());
        var malformed = phone.failure(Duration.ofSeconds(10));
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(malformed.getTrailers().get(GrpcClient.ERROR_CODE)).isEqualTo("INVALID_MESSAGE");
        var failed = ended(tenant.apiKey(), own.getSessionId());
        assertThat(failed.getStatus()).isEqualTo(ScanStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("INVALID_STREAM");
    }

    /** The scan once it has ended (completed or failed), reading it for up to 10 s. */
    private ScanResult ended(String bearer, String sessionId) throws InterruptedException {
        var request = GetScanRequest.newBuilder().setSessionId(sessionId).build();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        var result = grpc.scans(bearer).getScan(request);
        while (result.getStatus() != ScanStatus.FAILED && result.getStatus() != ScanStatus.COMPLETED
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            result = grpc.scans(bearer).getScan(request);
        }
        return result;
    }

    private static void feedInRealTime(StreamObserver<LiveInput> input, List<io.rppg.domain.live.TraceSample> samples)
            throws InterruptedException {
        long start = System.nanoTime();
        int next = 0;
        while (next < samples.size()) {
            Thread.sleep(250);
            double elapsedMs = (System.nanoTime() - start) / 1e6;
            int to = next;
            while (to < samples.size() && samples.get(to).millis() <= elapsedMs) {
                to++;
            }
            if (to > next) {
                input.onNext(trace(samples.subList(next, to)));
                next = to;
            }
        }
    }

    private static LiveInput trace(List<io.rppg.domain.live.TraceSample> samples) {
        var batch = TraceBatch.newBuilder();
        for (var sample : samples) {
            batch.addSamples(TraceSample.newBuilder().setTMs(sample.millis()).setR(sample.red())
                    .setG(sample.green()).setB(sample.blue()));
        }
        return LiveInput.newBuilder().setTrace(batch).build();
    }

    /** What a client hears on a server stream: its messages in order, then its end. */
    private static final class Listener implements StreamObserver<VitalsWindow> {

        private final LinkedBlockingQueue<VitalsWindow> messages = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> end = new CompletableFuture<>();

        @Override
        public void onNext(VitalsWindow message) {
            messages.add(message);
        }

        @Override
        public void onError(Throwable failure) {
            end.completeExceptionally(failure);
        }

        @Override
        public void onCompleted() {
            end.complete(null);
        }

        VitalsWindow next(Duration patience) throws InterruptedException {
            var message = messages.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within " + patience).isNotNull();
            return message;
        }

        /** Every message until the call ends, which it must do within {@code patience}. */
        List<VitalsWindow> untilEnd(Duration patience) throws Exception {
            end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return List.copyOf(messages);
        }

        boolean completed() {
            return end.isDone() && !end.isCompletedExceptionally();
        }

        StatusRuntimeException failure(Duration patience) throws Exception {
            try {
                end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return (StatusRuntimeException) e.getCause();
            }
            throw new AssertionError("the call ended without a failure");
        }
    }
}
