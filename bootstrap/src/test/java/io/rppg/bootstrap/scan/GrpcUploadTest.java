package io.rppg.bootstrap.scan;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.GrpcServer;
import io.rppg.adapter.grpc.v1.GetScanRequest;
import io.rppg.adapter.grpc.v1.ListScansRequest;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.ScanStatus;
import io.rppg.adapter.grpc.v1.VideoChunk;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.grpc.GrpcClient;
import io.rppg.bootstrap.grpc.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static io.rppg.bootstrap.grpc.GrpcClient.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * AnalyzeVideo and the scan queries with a generated Java client over the server's real port: the vitals of a
 * chunked upload against the v1 upload of the same file, and each refusal with its status code and error code.
 */
class GrpcUploadTest extends ScanFlowTest {

    private static final int CHUNK = 64 * 1024;
    private static final Duration PATIENCE = ANALYSIS_PATIENCE;

    @Autowired
    private GrpcServer grpcServer;
    private GrpcClient grpc;

    @BeforeEach
    void connect() {
        grpc = new GrpcClient(grpcServer.port());
    }

    @AfterEach
    void disconnect() {
        grpc.close();
    }

    @Test
    void aChunkedUploadGivesTheVitalsOfTheV1UploadOfTheSameFile() throws Exception {
        var tenant = api.createTenant();
        var spec = FaceVideoSpec.defaults().withSeconds(12).withHeartRate(76).in(VideoContainer.MP4_MPEG4)
                .withSeed(61);
        var video = video(spec);

        var v1Session = openV1Session(tenant.apiKey());
        assertThat(uploadV1(tenant.apiKey(), v1Session, "scan.mp4", "video/mp4", video.bytes()).status())
                .isEqualTo(202);
        var v1 = awaitFinishedV1(tenant.apiKey(), v1Session).path("vitals");

        var result = Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.newBuilder()
                .setContentType("video/mp4").setFileName("scan.mp4").build(), video.bytes(), CHUNK, PATIENCE);

        assertThat(result.getStatus()).as(result.toString()).isEqualTo(ScanStatus.COMPLETED);
        var vitals = result.getVitals();
        assertThat(vitals.getHeartRate()).isCloseTo(video.truth().heartRateBpm(), within(3.0));
        assertThat(vitals.getHeartRate()).as("the same file as on v1").isCloseTo(v1.path("heart_rate").asDouble(),
                within(0.5));
        assertThat(vitals.getConfidence()).isBetween(0.0, 1.0);
        assertThat(vitals.getMethod()).isEqualTo(v1.path("method").asString());
        assertThat(vitals.getSignalQuality().getSnr()).isCloseTo(v1.path("signal_quality").path("snr").asDouble(),
                within(3.0));
        assertThat(vitals.getHeartRateSeriesCount()).isGreaterThanOrEqualTo(2);
        assertThat(vitals.getUnavailableMap()).containsKeys("blood_pressure", "spo2");
        assertThat(vitals.getProcessingTimeMs()).isPositive();

        var read = grpc.scans(tenant.apiKey()).getScan(GetScanRequest.newBuilder()
                .setSessionId(result.getSessionId()).build());
        assertThat(read).isEqualTo(result);
        var v1View = expect(api.get("/api/v1/scan-session/" + result.getSessionId() + "/vitals", tenant.apiKey()),
                200).json();
        assertThat(v1View.path("vitals").path("heart_rate").asDouble()).isEqualTo(vitals.getHeartRate());
        var listed = grpc.scans(tenant.apiKey()).listScans(ListScansRequest.newBuilder()
                .setStatus(ScanStatus.COMPLETED).build());
        assertThat(listed.getScansList()).extracting(scan -> scan.getSessionId())
                .containsExactly(result.getSessionId(), v1Session);
        assertThat(storedFilesOf(tenant.id(), result.getSessionId())).isEmpty();
    }

    @Test
    void eachRefusalHasItsStatusCodeAndTheErrorCodeInTheTrailers() throws Exception {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var stranger = openV1Session(other.apiKey());

        refusal(() -> grpc.scans(null).getScan(scanOf(stranger)), Status.Code.UNAUTHENTICATED, "INVALID_TOKEN");
        refusal(() -> grpc.scans("rppg_live_notakey").getScan(scanOf(stranger)), Status.Code.UNAUTHENTICATED,
                "INVALID_TOKEN");
        refusal(() -> grpc.scans("eyJhbGciOiJub25lIn0.e30.").getScan(scanOf(stranger)), Status.Code.UNAUTHENTICATED,
                "INVALID_TOKEN");
        refusal(() -> grpc.scans(api.adminToken()).getScan(scanOf(stranger)), Status.Code.PERMISSION_DENIED,
                "INSUFFICIENT_PERMISSIONS");
        refusal(() -> grpc.scans(tenant.apiKey()).getScan(scanOf(stranger)), Status.Code.NOT_FOUND,
                "SESSION_NOT_FOUND");
        refusal(() -> grpc.scans(tenant.adminToken()).getScan(scanOf("not-a-session")), Status.Code.NOT_FOUND,
                "SESSION_NOT_FOUND");
        refusal(() -> Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.newBuilder()
                        .setSessionId(stranger).build(), ScanApi.shortRecording(), CHUNK, PATIENCE),
                Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
        refusal(() -> grpc.scans(tenant.apiKey()).listScans(ListScansRequest.newBuilder().setLimit(101).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_ERROR");
        // A message over the server's 4 MiB limit is refused by the transport before any service reads it.
        var oversized = catchThrowableOfType(StatusRuntimeException.class, () -> Uploads.analyze(
                grpc.scansAsync(tenant.apiKey()), VideoChunk.getDefaultInstance(), new byte[5 * 1024 * 1024],
                5 * 1024 * 1024, PATIENCE));
        assertThat(oversized.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        // Not a video: refused by its bytes; the session the call opened is named and still waits for a video.
        var notAVideo = refusal(() -> Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.getDefaultInstance(),
                "just some text, not a video at all".repeat(100).getBytes(), CHUNK, PATIENCE),
                Status.Code.INVALID_ARGUMENT, "UNSUPPORTED_FORMAT");
        var opened = notAVideo.getTrailers().get(GrpcClient.SESSION_ID);
        assertThat(grpc.scans(tenant.apiKey()).getScan(scanOf(opened)).getStatus()).isEqualTo(ScanStatus.PENDING);
        assertThat(storedFilesOf(tenant.id(), opened)).isEmpty();
        // ... and takes the video in a second call.
        var accepted = Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.newBuilder().setSessionId(opened)
                .setReturnWhenAccepted(true).build(), ScanApi.shortRecording(), CHUNK, PATIENCE);
        assertThat(accepted.getStatus()).isEqualTo(ScanStatus.PROCESSING);
        refusal(() -> Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.newBuilder().setSessionId(opened)
                .build(), ScanApi.shortRecording(), CHUNK, PATIENCE), Status.Code.ALREADY_EXISTS,
                "VIDEO_ALREADY_SUBMITTED");

        // The plan's last scan, then none: RESOURCE_EXHAUSTED with the time until the quota renews.
        var oneScan = api.createTenant(1, 100, 100);
        assertThat(Uploads.analyze(grpc.scansAsync(oneScan.apiKey()), VideoChunk.newBuilder()
                .setReturnWhenAccepted(true).build(), ScanApi.shortRecording(), CHUNK, PATIENCE).getStatus())
                .isEqualTo(ScanStatus.PROCESSING);
        var used = refusal(() -> Uploads.analyze(grpc.scansAsync(oneScan.apiKey()), VideoChunk.newBuilder()
                        .setReturnWhenAccepted(true).build(), ScanApi.shortRecording(), CHUNK, PATIENCE),
                Status.Code.RESOURCE_EXHAUSTED, "NO_SCANS_AVAILABLE");
        assertThat(Long.parseLong(used.getTrailers().get(GrpcClient.RETRY_AFTER))).isPositive();

        // The rate limit is the credential's, shared with its HTTP requests.
        var slow = api.createTenant(100, 100, 100, 3);
        var own = openV1Session(slow.apiKey());
        grpc.scans(slow.apiKey()).getScan(scanOf(own));
        grpc.scans(slow.apiKey()).getScan(scanOf(own));
        var limited = refusal(() -> grpc.scans(slow.apiKey()).getScan(scanOf(own)), Status.Code.RESOURCE_EXHAUSTED,
                "RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(limited.getTrailers().get(GrpcClient.RETRY_AFTER))).isBetween(1L, 60L);

        // A suspended tenant's every call is refused; reactivated, it calls again.
        expect(api.patch("/api/v1/admin/tenants/" + tenant.id(), api.adminToken(), body("status", "suspended")), 200);
        refusal(() -> grpc.scans(tenant.apiKey()).getScan(scanOf(opened)), Status.Code.PERMISSION_DENIED,
                "TENANT_SUSPENDED");
        refusal(() -> grpc.scans(tenant.adminToken()).getScan(scanOf(opened)), Status.Code.PERMISSION_DENIED,
                "TENANT_SUSPENDED");
        expect(api.patch("/api/v1/admin/tenants/" + tenant.id(), api.adminToken(), body("status", "active")), 200);
        assertThat(grpc.scans(tenant.apiKey()).getScan(scanOf(opened)).getSessionId()).isEqualTo(opened);
    }

    @Test
    void aDeadlineEndsTheCallPromptlyAndLeavesTheScanAsItStood() throws Exception {
        var tenant = api.createTenant();
        var video = video(FaceVideoSpec.defaults().withSeconds(30).withHeartRate(66).in(VideoContainer.MP4_MPEG4)
                .withSeed(62));
        var session = openV1Session(tenant.apiKey());
        // No worker analyses while the call runs: a fast machine analyses this video in under the deadline, and
        // the call would then end with the vitals instead of at its deadline.
        scheduler.pause();
        long start = System.nanoTime();
        refusal(() -> Uploads.analyze(grpc.scansAsync(tenant.apiKey()).withDeadlineAfter(2, TimeUnit.SECONDS),
                VideoChunk.newBuilder().setSessionId(session).build(), video.bytes(), CHUNK, PATIENCE),
                Status.Code.DEADLINE_EXCEEDED, null);
        scheduler.resume();
        // The call ends at its deadline, not when the analysis does (the client copying the file counts here too).
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the call ended").isLessThan(8_000);

        // Whichever the deadline cut: an upload still on its way keeps nothing and its session waits for a video;
        // an accepted video is a queued job and is analysed as any upload is.
        Thread.sleep(2_000);
        if (grpc.scans(tenant.apiKey()).getScan(scanOf(session)).getStatus() == ScanStatus.PENDING) {
            assertThat(storedFilesOf(tenant.id(), session)).isEmpty();
        } else {
            assertThat(awaitFinishedV1(tenant.apiKey(), session).path("status").asString()).isEqualTo("completed");
            assertThat(grpc.scans(tenant.apiKey()).getScan(scanOf(session)).getVitals().getHeartRate())
                    .isCloseTo(video.truth().heartRateBpm(), within(3.0));
        }
    }

    @Test
    void anUploadThatStallsIsBrokenOffAndLeavesNothingBehind() throws Exception {
        var tenant = api.createTenant();
        var session = openV1Session(tenant.apiKey());
        var video = ScanApi.shortRecording();
        var answer = new CompletableFuture<ScanResult>();
        var requests = grpc.scansAsync(tenant.apiKey()).analyzeVideo(Uploads.observer(answer));
        requests.onNext(VideoChunk.newBuilder().setSessionId(session)
                .setData(ByteString.copyFrom(video, 0, video.length / 2)).build());
        // ... and nothing more: the server's patience in tests is 5 s.
        var stalled = refusal(() -> Uploads.await(answer, Duration.ofSeconds(30)), Status.Code.DEADLINE_EXCEEDED,
                "UPLOAD_STALLED");
        assertThat(stalled.getTrailers().get(GrpcClient.SESSION_ID)).isEqualTo(session);
        assertThat(grpc.scans(tenant.apiKey()).getScan(scanOf(session)).getStatus()).isEqualTo(ScanStatus.PENDING);
        assertThat(storedFilesOf(tenant.id(), session)).isEmpty();
        requests.onCompleted();
    }

    @Test
    void aCancelledUploadKeepsNothingAndTheSessionTakesItsVideoLater() throws Exception {
        var tenant = api.createTenant();
        var session = openV1Session(tenant.apiKey());
        var video = ScanApi.shortRecording();
        var answer = new CompletableFuture<ScanResult>();
        var requests = grpc.scansAsync(tenant.apiKey()).analyzeVideo(Uploads.observer(answer));
        requests.onNext(VideoChunk.newBuilder().setSessionId(session)
                .setData(ByteString.copyFrom(video, 0, video.length / 2)).build());
        Thread.sleep(500);
        requests.onError(Status.CANCELLED.withDescription("the user closed the app").asRuntimeException());
        refusal(() -> Uploads.await(answer, Duration.ofSeconds(10)), Status.Code.CANCELLED, null);

        var deadline = Instant.now().plusSeconds(10);
        while (!storedFilesOf(tenant.id(), session).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(storedFilesOf(tenant.id(), session)).isEmpty();
        assertThat(grpc.scans(tenant.apiKey()).getScan(scanOf(session)).getStatus()).isEqualTo(ScanStatus.PENDING);
        var again = Uploads.analyze(grpc.scansAsync(tenant.apiKey()), VideoChunk.newBuilder().setSessionId(session)
                .setReturnWhenAccepted(true).build(), video, CHUNK, PATIENCE);
        assertThat(again.getStatus()).isEqualTo(ScanStatus.PROCESSING);
    }

    @Test
    void healthAndReflectionAnswerWithoutCredentials() throws Exception {
        var health = HealthGrpc.newBlockingStub(grpc.channel());
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("rppg.v1.ScanService").build())
                .getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        var services = new CompletableFuture<ServerReflectionResponse>();
        var reflection = ServerReflectionGrpc.newStub(grpc.channel()).serverReflectionInfo(
                Uploads.observer(services));
        reflection.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        var names = new ArrayList<String>();
        Uploads.await(services, Duration.ofSeconds(10)).getListServicesResponse().getServiceList()
                .forEach(service -> names.add(service.getName()));
        reflection.onCompleted();
        assertThat(names).contains("rppg.v1.ScanService", "rppg.v1.LiveService", "grpc.health.v1.Health");
    }

    private static GetScanRequest scanOf(String sessionId) {
        return GetScanRequest.newBuilder().setSessionId(sessionId).build();
    }
}
