package io.rppg.bootstrap.pipeline;

import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.rppg.adapter.jobs.scan.ProcessScanTask;
import io.rppg.adapter.jobs.scan.ScanJobData;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.bootstrap.RppgApplication;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long an analysis waits after its node died, with the heartbeat settings of application.yml (no test
 * overrides): another node must have completed it within 30 s. The platform runs on a database of its own here, so
 * that no other test context, with its faster heartbeat settings, revives the job first.
 */
@SpringBootTest(classes = RppgApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "rppg.scan.worker.enabled=true",
        "db-scheduler.threads=2"})
@Import(ScanPipelineIntegrationTest.Engine.class)
@DirtiesContext
class DeadNodeRecoveryTest {

    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    private static Path dataDir;

    @Autowired
    private CreateScanSessionUseCase createSession;
    @Autowired
    private GetScanSessionQuery getSession;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private PlanPort plans;
    @Autowired
    private TenantPort tenants;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        var work = Files.createTempDirectory("rppg-dead-node-test");
        var database = EmbeddedPostgresServer.start(work.resolve("postgres"), false);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        dataDir = work.resolve("data");
        registry.add("rppg.database.url", database::jdbcUrl);
        registry.add("rppg.database.username", database::username);
        registry.add("rppg.database.password", database::password);
        registry.add("rppg.data-dir", dataDir::toString);
    }

    @Test
    void anAnalysisWhoseNodeDiedIsCompletedByAnotherNodeWithin30Seconds() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var plan = new Plan(new PlanId(UUID.randomUUID()), "plan-" + UUID.randomUUID(), 10, 60, 10, 5, false);
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic", plan.id(), now);
        transactions.inPlatformTransaction(() -> {
            plans.save(plan);
            return tenants.save(tenant);
        });
        var session = ((SessionCreation.Created) createSession.createScanSession(
                new CreateScanSessionUseCase.Command(tenant.id(), new SessionOwner("key_test")))).session().id();
        var stored = dataDir.resolve("videos").resolve(tenant.id().toString()).resolve(session.value() + ".mp4");
        Files.createDirectories(stored.getParent());
        Files.write(stored, ScanPipelineIntegrationTest.video("engine:bpm:61"));
        transactions.inTenantTransaction(tenant.id(), () -> sessions.save(
                sessions.findById(tenant.id(), session).orElseThrow().acceptVideo(now)));
        // The node that picked the job dies now: its last heartbeat is this moment's.
        var death = Instant.now();
        jdbc.update("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, consecutive_failures, last_heartbeat, version)
                        VALUES (?, ?, ?, ?, true, 'node-that-died', 0, ?, 1)
                        """,
                ProcessScanTask.NAME, ProcessScanTask.instanceId(tenant.id(), session),
                ScanPipelineIntegrationTest.serialize(new ScanJobData(tenant.id().toString(), session.value())),
                Timestamp.from(death), Timestamp.from(death));

        while (!getSession.getScanSession(tenant.id(), session).orElseThrow().status().isFinished()) {
            assertThat(Duration.between(death, Instant.now())).as("time since the node died")
                    .isLessThan(RECOVERY_BOUND);
            Thread.sleep(200);
        }

        System.err.println("Analysis of a dead node completed " + Duration.between(death, Instant.now()).toMillis()
                + " ms after the node died");
        var done = getSession.getScanSession(tenant.id(), session).orElseThrow();
        assertThat(done.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(done.vitals().heartRate().beatsPerMinute()).isEqualTo(61);
    }
}
