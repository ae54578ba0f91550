package io.rppg.adapter.jobs.scan;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.rppg.adapter.persistence.PersistenceTestApplication;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.job.ProcessingJob;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job queue port on db-scheduler and a real PostgreSQL: jobs join the caller's transaction, run once, are
 * retried after the back-off the use case asks for, and are revived when their worker died.
 */
@SpringBootTest(classes = PersistenceTestApplication.class, properties = {
        "db-scheduler.polling-interval=100ms",
        "db-scheduler.heartbeat-interval=100ms",
        "db-scheduler.missed-heartbeats-limit=4",
        "db-scheduler.threads=2"})
@Import(DbSchedulerJobQueueAdapterTest.Wiring.class)
class DbSchedulerJobQueueAdapterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How the task retries a job after an exception outside the use case's control. */
    private static final RetryPolicy UNEXPECTED_FAULT_RETRIES =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Autowired
    private JobQueuePort jobs;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private ScriptedJobs worker;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceTestApplication.useTestDatabase(registry);
    }

    @Test
    void aJobQueuedInACommittedTransactionRunsOnceAsTheFirstAttempt() {
        var tenant = newTenant();
        var session = newSession();

        transactions.inTenantTransaction(tenant, () -> {
            jobs.enqueue(ProcessingJob.enqueue(session, tenant, Instant.now()));
            return null;
        });

        awaitUntil(() -> executionsOf(tenant, session) == 0 && worker.attemptsOf(session).size() == 1);
        assertThat(worker.attemptsOf(session)).containsExactly(1);
        assertThat(worker.tenantsOf(session)).containsExactly(tenant);
    }

    @Test
    void aJobQueuedInARolledBackTransactionDoesNotExist() throws InterruptedException {
        var tenant = newTenant();
        var session = newSession();

        assertThatThrownBy(() -> transactions.inTenantTransaction(tenant, () -> {
            jobs.enqueue(ProcessingJob.enqueue(session, tenant, Instant.now()));
            assertThat(executionsOf(tenant, session)).as("visible inside its transaction").isEqualTo(1);
            throw new IllegalStateException("the session could not be saved");
        })).hasMessage("the session could not be saved");

        assertThat(executionsOf(tenant, session)).isZero();
        Thread.sleep(400);
        assertThat(worker.attemptsOf(session)).isEmpty();
    }

    @Test
    void aRetryRequestedByTheUseCaseRunsTheJobAgainAfterItsDelayCountingAttempts() {
        var tenant = newTenant();
        var session = newSession();
        var delay = Duration.ofMillis(300);
        worker.script(session,
                () -> new ProcessScanJobUseCase.JobOutcome.RetryLater(delay, "engine fault"),
                () -> new ProcessScanJobUseCase.JobOutcome.RetryLater(delay, "engine fault"),
                () -> new ProcessScanJobUseCase.JobOutcome.NothingToDo("done"));

        enqueue(tenant, session);

        awaitUntil(() -> worker.attemptsOf(session).size() == 3 && executionsOf(tenant, session) == 0);
        assertThat(worker.attemptsOf(session)).containsExactly(1, 2, 3);
        var times = worker.timesOf(session);
        assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(delay);
        assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void anUnexpectedExceptionIsRetriedWithThePolicysBackOff() {
        var tenant = newTenant();
        var session = newSession();
        worker.script(session,
                () -> {
                    throw new IllegalStateException("database unreachable");
                },
                () -> new ProcessScanJobUseCase.JobOutcome.NothingToDo("done"));

        enqueue(tenant, session);

        awaitUntil(() -> worker.attemptsOf(session).size() == 2 && executionsOf(tenant, session) == 0);
        assertThat(worker.attemptsOf(session)).containsExactly(1, 2);
        var times = worker.timesOf(session);
        // The policy's wait after a first attempt, many polls long; less than its longest wait.
        assertThat(Duration.between(times.get(0), times.get(1)))
                .isGreaterThanOrEqualTo(UNEXPECTED_FAULT_RETRIES.delayAfterAttempt(1))
                .isLessThan(UNEXPECTED_FAULT_RETRIES.maxDelay());
    }

    @Test
    void queuingTheSameSessionTwiceKeepsOneJob() {
        var tenant = newTenant();
        var session = newSession();
        var later = Instant.now().plus(Duration.ofHours(1));

        for (int i = 0; i < 2; i++) {
            transactions.inTenantTransaction(tenant, () -> {
                jobs.enqueue(new ProcessingJob(session, tenant, io.rppg.domain.job.JobStatus.QUEUED, 0, later, later));
                return null;
            });
        }

        assertThat(executionsOf(tenant, session)).isEqualTo(1);
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ?", ProcessScanTask.instanceId(tenant, session));
    }

    @Test
    void anExecutionAbandonedByADeadWorkerIsRevivedAndRunAsTheNextAttempt() throws IOException {
        var tenant = newTenant();
        var session = newSession();
        var longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        // What a worker that died mid-job leaves behind: a picked execution whose heartbeat stopped.
        jdbc.update("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, consecutive_failures, last_heartbeat, version)
                        VALUES (?, ?, ?, ?, true, 'crashed-node', 0, ?, 1)
                        """,
                ProcessScanTask.NAME, ProcessScanTask.instanceId(tenant, session),
                serialize(new ScanJobData(tenant.toString(), session.value())), longAgo, longAgo);

        awaitUntil(() -> worker.attemptsOf(session).size() == 1 && executionsOf(tenant, session) == 0);
        assertThat(worker.attemptsOf(session)).containsExactly(2);
    }

    private void enqueue(TenantId tenant, ScanSessionId session) {
        transactions.inTenantTransaction(tenant, () -> {
            jobs.enqueue(ProcessingJob.enqueue(session, tenant, Instant.now()));
            return null;
        });
    }

    private int executionsOf(TenantId tenant, ScanSessionId session) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                Integer.class, ProcessScanTask.NAME, ProcessScanTask.instanceId(tenant, session));
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

    private static byte[] serialize(Object data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        return bytes.toByteArray();
    }

    private static TenantId newTenant() {
        return new TenantId(UUID.randomUUID());
    }

    private static ScanSessionId newSession() {
        return ScanSessionId.issue(Instant.now(), UUID.randomUUID().toString().replace("-", ""));
    }

    /** A worker use case that answers from a script per session and remembers every call. */
    static final class ScriptedJobs implements ProcessScanJobUseCase {

        private record Call(TenantId tenant, int attempt, Instant at) {
        }

        private final Map<ScanSessionId, Deque<Supplier<JobOutcome>>> scripts = new ConcurrentHashMap<>();
        private final Map<ScanSessionId, List<Call>> calls = new ConcurrentHashMap<>();

        @SafeVarargs
        final void script(ScanSessionId session, Supplier<JobOutcome>... steps) {
            scripts.put(session, new ArrayDeque<>(List.of(steps)));
        }

        @Override
        public JobOutcome process(Command command) {
            calls.computeIfAbsent(command.sessionId(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Call(command.tenant(), command.attempt(), Instant.now()));
            var script = scripts.get(command.sessionId());
            if (script == null || script.isEmpty()) {
                return new JobOutcome.NothingToDo("no script");
            }
            return script.poll().get();
        }

        List<Integer> attemptsOf(ScanSessionId session) {
            return List.copyOf(calls.getOrDefault(session, List.of())).stream().map(Call::attempt).toList();
        }

        List<TenantId> tenantsOf(ScanSessionId session) {
            return List.copyOf(calls.getOrDefault(session, List.of())).stream().map(Call::tenant).toList();
        }

        List<Instant> timesOf(ScanSessionId session) {
            return List.copyOf(calls.getOrDefault(session, List.of())).stream().map(Call::at).toList();
        }
    }

    /** Imported, not annotated: component scans of other test contexts must not pick it up. */
    static class Wiring {

        @Bean
        ScriptedJobs scriptedJobs() {
            return new ScriptedJobs();
        }

        @Bean
        ProcessScanTask processScanTask(ScriptedJobs useCase) {
            return new ProcessScanTask(useCase, UNEXPECTED_FAULT_RETRIES);
        }

        @Bean
        DbSchedulerJobQueueAdapter jobQueue(SchedulerClient scheduler, ProcessScanTask task) {
            return new DbSchedulerJobQueueAdapter(scheduler, task);
        }
    }
}
