package io.rppg.bootstrap.pipeline;

import io.rppg.adapter.jobs.scan.ProcessScanTask;
import io.rppg.adapter.jobs.scan.ScanJobData;
import io.rppg.adapter.persistence.testsupport.TestDatabase;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.GetTenantUsageQuery;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.bootstrap.RppgApplication;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.FailureCode;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline end to end inside the platform: real PostgreSQL, real db-scheduler, real FFmpeg probe and file
 * storage; only the signal engine is a stand-in that does what each test video's metadata asks.
 */
@SpringBootTest(classes = RppgApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "rppg.scan.worker.enabled=true",
        "rppg.scan.retry.max-attempts=3",
        "rppg.scan.retry.first-delay=200ms",
        "rppg.scan.retry.max-delay=1s",
        "db-scheduler.polling-interval=100ms",
        "db-scheduler.heartbeat-interval=100ms",
        "db-scheduler.missed-heartbeats-limit=4",
        "db-scheduler.threads=2"})
@Import(ScanPipelineIntegrationTest.Engine.class)
class ScanPipelineIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static Path dataDir;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    private SubmitVideoUseCase submitVideo;
    @Autowired
    private CreateScanSessionUseCase createSession;
    @Autowired
    private GetScanSessionQuery getSession;
    @Autowired
    private GetTenantUsageQuery usage;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private PlanPort plans;
    @Autowired
    private TenantPort tenants;
    @Autowired
    private MarkedVideoSignalEngine engine;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Scheduler scheduler;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register("rppg.database", registry::add);
        dataDir = Files.createTempDirectory("rppg-pipeline-test");
        registry.add("rppg.data-dir", dataDir::toString);
    }

    /**
     * Other cached contexts on the same database run a worker too (the scan tests over HTTP, with the real engine
     * and another data directory): each polls only while its own tests run.
     */
    @BeforeEach
    void startScanning() {
        scheduler.resume();
    }

    @AfterEach
    void stopScanning() {
        scheduler.pause();
    }

    @Test
    void anAcceptedVideoIsAnalysedTheSessionCompletesAndTheVideoIsDeleted() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);
        var completedBefore = meters.counter("rppg.scans.completed").count();
        var analysedBefore = meters.timer("rppg.scan.analysis").count();

        var result = submit(tenant, session, video("engine:bpm:64"));

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        var done = awaitFinished(tenant, session);
        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(done.vitals().heartRate().beatsPerMinute()).isEqualTo(64);
        assertThat(videoFileOf(tenant, session)).doesNotExist();
        assertThat(engine.callsFor(session.value())).isEqualTo(1);
        assertThat(usage.getTenantUsage(tenant).scansUsed()).isEqualTo(1);
        assertThat(meters.counter("rppg.scans.completed").count()).isEqualTo(completedBefore + 1);
        assertThat(meters.timer("rppg.scan.analysis").count()).isEqualTo(analysedBefore + 1);
        assertThat(meters.timer("rppg.scan.queue_wait").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnusableVideoFailsWithItsReasonIsNotRetriedAndTheScanStaysCounted() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);

        submit(tenant, session, video("engine:unusable:NO_FACE_DETECTED"));

        var done = awaitFinished(tenant, session);
        assertThat(done.status()).isEqualTo(ScanStatus.FAILED);
        assertThat(done.failure().code()).isEqualTo(FailureCode.NO_FACE_DETECTED);
        Thread.sleep(500);
        assertThat(engine.callsFor(session.value())).isEqualTo(1);
        assertThat(usage.getTenantUsage(tenant).scansUsed()).isEqualTo(1);
        assertThat(videoFileOf(tenant, session)).doesNotExist();
    }

    @Test
    void twoFaultsOfThePlatformAreRetriedAndTheThirdAttemptCompletes() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);

        submit(tenant, session, video("engine:fault-times:2"));

        var done = awaitFinished(tenant, session);
        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(engine.callsFor(session.value())).isEqualTo(3);
        assertThat(usage.getTenantUsage(tenant).scansUsed()).isEqualTo(1);
    }

    @Test
    void whenEveryAttemptFaultsTheSessionFailsWithAProcessingErrorAndTheScanIsGivenBack() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);

        submit(tenant, session, video("engine:fault-always"));

        var done = awaitFinished(tenant, session);
        assertThat(done.status()).isEqualTo(ScanStatus.FAILED);
        assertThat(done.failure().code()).isEqualTo(FailureCode.PROCESSING_ERROR);
        assertThat(engine.callsFor(session.value())).isEqualTo(3);
        assertThat(usage.getTenantUsage(tenant).scansUsed()).isZero();
        assertThat(videoFileOf(tenant, session)).doesNotExist();
        awaitUntil(() -> executionsOf(tenant, session) == 0);
    }

    @Test
    void aTruncatedUploadIsRefusedAsUnreadableAndLeavesNeitherFileNorJob() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);
        var whole = video("engine:bpm:70");

        var result = submit(tenant, session, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(result).isInstanceOf(SubmissionResult.Unreadable.class);
        assertThat(Files.list(dataDir.resolve("videos").resolve(tenant.toString())).toList()).isEmpty();
        assertThat(executionsOf(tenant, session)).isZero();
        assertThat(getSession.getScanSession(tenant, session).orElseThrow().status()).isEqualTo(ScanStatus.PENDING);
        assertThat(submit(tenant, session, whole)).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(submit(tenant, session, whole)).isInstanceOf(SubmissionResult.VideoAlreadySubmitted.class);
        var done = awaitFinished(tenant, session);
        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(done.vitals().heartRate().beatsPerMinute()).isEqualTo(70);
        assertThat(engine.callsFor(session.value())).as("only the whole video was analysed, once").isEqualTo(1);
    }

    @Test
    void aJobWhoseWorkerDiedMidAnalysisIsCompletedByAnotherSchedulerWithinBoundedTime() throws Exception {
        var tenant = newTenant();
        var session = openSession(tenant);
        // The state a crashed node leaves: the session accepted, its video stored, its execution picked by the
        // dead node, whose heartbeats stopped.
        var stored = dataDir.resolve("videos").resolve(tenant.toString()).resolve(session.value() + ".mp4");
        Files.createDirectories(stored.getParent());
        Files.write(stored, video("engine:bpm:58"));
        transactions.inTenantTransaction(tenant, () -> sessions.save(
                sessions.findById(tenant, session).orElseThrow().acceptVideo(now())));
        var lastHeartbeat = Timestamp.from(Instant.now().minusSeconds(30));
        jdbc.update("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, consecutive_failures, last_heartbeat, version)
                        VALUES (?, ?, ?, ?, true, 'node-that-died', 0, ?, 1)
                        """,
                ProcessScanTask.NAME, ProcessScanTask.instanceId(tenant, session),
                serialize(new ScanJobData(tenant.toString(), session.value())), lastHeartbeat, lastHeartbeat);
        var start = Instant.now();

        var done = awaitFinished(tenant, session);

        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(done.vitals().heartRate().beatsPerMinute()).isEqualTo(58);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(stored).doesNotExist();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private TenantId newTenant() {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "plan-" + UUID.randomUUID(), 10, 60, 10, 5, false);
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic", plan.id(), now());
        transactions.inPlatformTransaction(() -> {
            plans.save(plan);
            return tenants.save(tenant);
        });
        return tenant.id();
    }

    private ScanSessionId openSession(TenantId tenant) {
        var created = createSession.createScanSession(
                new CreateScanSessionUseCase.Command(tenant, new SessionOwner("key_test")));
        return ((SessionCreation.Created) created).session().id();
    }

    private SubmissionResult submit(TenantId tenant, ScanSessionId session, byte[] bytes) {
        return submitVideo.submitVideo(new SubmitVideoUseCase.Command(tenant, session,
                new ByteArrayInputStream(bytes), "video/mp4", "scan.mp4"));
    }

    private ScanSession awaitFinished(TenantId tenant, ScanSessionId session) {
        awaitUntil(() -> getSession.getScanSession(tenant, session).orElseThrow().status().isFinished());
        return getSession.getScanSession(tenant, session).orElseThrow();
    }

    private Path videoFileOf(TenantId tenant, ScanSessionId session) {
        return dataDir.resolve("videos").resolve(tenant.toString()).resolve(session.value() + ".mp4");
    }

    private int executionsOf(TenantId tenant, ScanSessionId session) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class,
                ProcessScanTask.instanceId(tenant, session));
    }

    private static void awaitUntil(BooleanSupplier condition) {
        var deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] serialize(Object data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        return bytes.toByteArray();
    }

    /** One second of a tiny MPEG-4 video in MP4, whose metadata comment tells the stand-in engine what to do. */
    static byte[] video(String comment) throws Exception {
        var file = Files.createTempFile("fixture", ".mp4");
        try {
            try (var recorder = new FFmpegFrameRecorder(file.toFile(), 32, 32)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(10);
                recorder.setMetadata("comment", comment);
                recorder.start();
                for (int i = 0; i < 10; i++) {
                    var frame = new Frame(32, 32, Frame.DEPTH_UBYTE, 3);
                    var pixels = (ByteBuffer) frame.image[0];
                    for (int p = 0; p < pixels.capacity(); p++) {
                        pixels.put(p, (byte) (p * 3 + i));
                    }
                    recorder.record(frame);
                }
                recorder.stop();
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Imported, not annotated: component scans of other test contexts must not pick it up. */
    static class Engine {
        /** Primary: it stands in for the platform's real engine, which is in the context too. */
        @Bean
        @org.springframework.context.annotation.Primary
        MarkedVideoSignalEngine markedVideoSignalEngine() {
            return new MarkedVideoSignalEngine();
        }
    }
}
