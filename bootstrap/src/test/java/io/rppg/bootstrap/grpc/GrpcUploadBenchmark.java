package io.rppg.bootstrap.grpc;

import io.rppg.adapter.grpc.GrpcServer;
import io.rppg.adapter.grpc.v1.ScanStatus;
import io.rppg.adapter.grpc.v1.VideoChunk;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.JsonClient;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload throughput of the same file, side by side in one run: the v1 multipart upload over HTTP and AnalyzeVideo
 * over gRPC (chunks of 64 KiB and of 1 MiB), each into a session opened beforehand and timed from the first byte
 * sent to the acceptance (202 / PROCESSING), so both include storing the file and its container probe. Rounds
 * alternate the three ways so that the machine's load falls on all of them alike.
 *
 * <p>{@code ./mvnw -pl bootstrap -am verify -Pbenchmark -Dtest=GrpcUploadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class GrpcUploadBenchmark extends PlatformTest {

    private static final int ROUNDS = 3;
    private static final int UPLOADS_PER_ROUND = 4;

    @Autowired
    private GrpcServer grpcServer;

    @Test
    void grpcUploadsAgainstV1MultipartUploadsOfTheSameFile() throws Exception {
        var path = Files.createTempFile("benchmark-upload", ".avi");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).in(VideoContainer.AVI_MJPEG).withSeed(5),
                path);
        var video = Files.readAllBytes(path);
        Files.delete(path);
        var http = new Http(port);
        var key = http.tenantKey();

        try (var grpc = new GrpcClient(grpcServer.port())) {
            var ways = List.<Way>of(
                    new Way("v1 multipart", session -> http.upload(key, session, video)),
                    new Way("gRPC 64 KiB chunks", session -> grpcUpload(grpc, key, session, video, 64 * 1024)),
                    new Way("gRPC 1 MiB chunks", session -> grpcUpload(grpc, key, session, video, 1024 * 1024)));
            for (var way : ways) {
                way.upload(http.openSession(key));
            }
            var report = new StringBuilder(String.format(Locale.ROOT,
                    "%nUpload of one %.1f MB file (%d uploads a way a round, sequential)%n", video.length / 1e6,
                    UPLOADS_PER_ROUND));
            for (int round = 1; round <= ROUNDS; round++) {
                for (var way : ways) {
                    var seconds = new ArrayList<Double>();
                    for (int i = 0; i < UPLOADS_PER_ROUND; i++) {
                        var session = http.openSession(key);
                        long start = System.nanoTime();
                        way.upload(session);
                        seconds.add((System.nanoTime() - start) / 1e9);
                    }
                    seconds.sort(Double::compare);
                    double median = (seconds.get(1) + seconds.get(2)) / 2;
                    report.append(String.format(Locale.ROOT, "round %d  %-20s median %6.0f ms  %7.1f MB/s  (best %.0f ms)%n",
                            round, way.name(), median * 1000, video.length / 1e6 / median, seconds.getFirst() * 1000));
                }
            }
            System.out.println(report);
        }
    }

    private static void grpcUpload(GrpcClient grpc, String key, String session, byte[] video, int chunk)
            throws Exception {
        var result = Uploads.analyze(grpc.scansAsync(key), VideoChunk.newBuilder().setSessionId(session)
                .setContentType("video/x-msvideo").setFileName("scan.avi").setReturnWhenAccepted(true).build(),
                video, chunk, Duration.ofSeconds(60));
        assertThat(result.getStatus()).isEqualTo(ScanStatus.PROCESSING);
    }

    private record Way(String name, Upload upload) {
        void upload(String session) throws Exception {
            upload.to(session);
        }
    }

    @FunctionalInterface
    private interface Upload {
        void to(String session) throws Exception;
    }

    /** The HTTP side: a tenant on a roomy plan, v1 sessions and v1 multipart uploads. */
    private static final class Http extends JsonClient {

        Http(int port) {
            super(port, Duration.ofSeconds(60));
        }

        String tenantKey() {
            var plan = expect(post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                    "monthly_scans", 1000, "requests_per_minute", 10_000, "max_open_sessions", 1000,
                    "max_upload_mb", 100, "retain_video", false)), 201).text("id");
            var tenant = expect(post("/api/v1/admin/tenants", adminToken(),
                    body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
            return expect(post("/api/v1/admin/tenants/" + tenant + "/api-keys", adminToken(),
                    body("name", "benchmark")), 201).text("key");
        }

        String openSession(String key) {
            return expect(postEmpty("/api/v1/scan-session", key), 201).text("session_id");
        }

        void upload(String key, String session, byte[] video) {
            var boundary = "----rppgBenchmark" + random();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.avi\""
                    + "\r\nContent-Type: video/x-msvideo\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(video);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            var response = send(request("/api/v1/scan-session/" + session + "/video", key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            expect(response, 202);
        }
    }
}
