package io.rppg.bootstrap.scan;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RppgProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of the scan tests over HTTP: one platform whose worker analyses with the real signal engine. Every subclass
 * shares these properties, so Spring starts this context once.
 *
 * <p>Other cached contexts on the same database may run a worker too (the pipeline test does, with a stand-in
 * engine and another data directory). Two workers would take each other's jobs, so each test here resumes its
 * scheduler first and pauses it when done; a context kept in the cache never polls while other tests run.
 */
@TestPropertySource(properties = {
        "rppg.scan.worker.enabled=true",
        "db-scheduler.polling-interval=250ms",
        "rppg.data-dir=target/scan-test-data"})
abstract class ScanFlowTest extends PlatformTest {

    /** How long a scan of a test video may take from upload to a final status. */
    static final Duration ANALYSIS_PATIENCE = Duration.ofSeconds(90);

    private static final Map<FaceVideoSpec, Fixture> FIXTURES = new ConcurrentHashMap<>();
    private static Path fixtureDir;

    @Autowired
    protected RppgProperties properties;
    @Autowired
    protected Scheduler scheduler;

    protected ScanApi api;

    /** A rendered face video and what it really shows. */
    record Fixture(Path path, FaceVideoTruth truth) {

        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void startScanning() {
        api = new ScanApi(port);
        scheduler.resume();
    }

    @AfterEach
    void stopScanning() {
        scheduler.pause();
    }

    /** Renders the spec once per test JVM. */
    static Fixture video(FaceVideoSpec spec) {
        return FIXTURES.computeIfAbsent(spec, s -> {
            var path = fixtureDir().resolve("face-" + Integer.toHexString(s.hashCode()) + "-" + s.seed() + "."
                    + s.container().extension());
            return new Fixture(path, FaceVideoGenerator.render(s, path));
        });
    }

    static synchronized Path fixtureDir() {
        if (fixtureDir == null) {
            try {
                fixtureDir = Files.createTempDirectory("rppg-scan-fixtures");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixtureDir;
    }

    /** Where the platform keeps a tenant's videos: {@code <rppg.data-dir>/videos/<tenant>}. */
    protected Path videoDirectory(String tenantId) {
        return properties.dataDir().resolve("videos").resolve(tenantId);
    }

    /** Every file the platform keeps for a session, finished or partial. */
    protected List<Path> storedFilesOf(String tenantId, String sessionId) throws IOException {
        var directory = videoDirectory(tenantId);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(sessionId + ".")).toList();
        }
    }

    protected String openV1Session(String apiKey) {
        return ScanApi.expect(api.postEmpty("/api/v1/scan-session", apiKey), 201).text("session_id");
    }

    protected ScanApi.Response uploadV1(String apiKey, String sessionId, String fileName, String contentType,
                                        byte[] content) {
        return api.multipart("/api/v1/scan-session/" + sessionId + "/video", apiKey,
                ScanApi.Part.file("file", fileName, contentType, content));
    }

    /** Polls the v1 vitals every 250 ms until the session is completed or failed; fails after the patience. */
    protected JsonNode awaitFinishedV1(String apiKey, String sessionId) {
        var deadline = Instant.now().plus(ANALYSIS_PATIENCE);
        while (true) {
            var response = ScanApi.expect(api.get("/api/v1/scan-session/" + sessionId + "/vitals", apiKey), 200);
            var status = response.text("status");
            if ("completed".equals(status) || "failed".equals(status)) {
                return response.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("session " + sessionId + " still " + status + " after " + ANALYSIS_PATIENCE);
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String contentTypeOf(FaceVideoSpec spec) {
        return switch (spec.container()) {
            case MP4_MPEG4, MP4_MPEG4_COARSE, MP4_MPEG4_LEAN -> "video/mp4";
            case MOV_MPEG4 -> "video/quicktime";
            case AVI_MPEG4, AVI_MJPEG -> "video/x-msvideo";
            case WEBM_VP8, WEBM_VP9 -> "video/webm";
            case MKV_FFV1 -> "video/x-matroska";
        };
    }
}
