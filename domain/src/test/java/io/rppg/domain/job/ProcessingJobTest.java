package io.rppg.domain.job;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingJobTest {

    private static final ScanSessionId SESSION = new ScanSessionId("sess_20260301100000_abc12345");
    private static final TenantId TENANT = new TenantId(UUID.fromString("3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f"));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(60));

    private static ProcessingJob queued() {
        return ProcessingJob.enqueue(SESSION, TENANT, T0);
    }

    @Test
    void anEnqueuedJobIsQueuedWithNoAttemptsAndMayRunAtOnce() {
        ProcessingJob job = queued();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.queuedAt()).isEqualTo(T0);
        assertThat(job.runAfter()).isEqualTo(T0);
        assertThat(job.sessionId()).isEqualTo(SESSION);
        assertThat(job.tenantId()).isEqualTo(TENANT);
    }

    @Test
    void startingRunsTheJobAndCountsAnAttempt() {
        ProcessingJob started = queued().start();
        assertThat(started.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(started.attempts()).isEqualTo(1);
        assertThat(started.queuedAt()).isEqualTo(T0);
    }

    @Test
    void onlyAQueuedJobCanStart() {
        ProcessingJob running = queued().start();
        assertThatThrownBy(running::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("not queued");
        assertThatThrownBy(() -> running.succeed().start()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> running.failForGood().start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunningJobCanSucceed() {
        ProcessingJob done = queued().start().succeed();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
    }

    @Test
    void anUnusableVideoFailsTheJobForGoodWhateverAttemptsAreLeft() {
        ProcessingJob failed = queued().start().failForGood();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void onlyARunningJobCanEnd() {
        assertThatThrownBy(() -> queued().succeed()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(() -> queued().failForGood()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queued().afterSystemFault(POLICY, T0)).isInstanceOf(IllegalStateException.class);
        ProcessingJob succeeded = queued().start().succeed();
        assertThatThrownBy(succeeded::succeed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(succeeded::failForGood).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> succeeded.afterSystemFault(POLICY, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSystemFaultQueuesTheJobAgainAfterTheBackOff() {
        Instant faultAt = T0.plusSeconds(30);
        ProcessingJob retried = queued().start().afterSystemFault(POLICY, faultAt);
        assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.queuedAt()).isEqualTo(T0);
        assertThat(retried.runAfter()).isEqualTo(faultAt.plusSeconds(5));
    }

    @Test
    void theBackOffGrowsWithEachAttempt() {
        Instant firstFault = T0.plusSeconds(10);
        ProcessingJob afterFirst = queued().start().afterSystemFault(POLICY, firstFault);
        Instant secondFault = T0.plusSeconds(100);
        ProcessingJob afterSecond = afterFirst.start().afterSystemFault(POLICY, secondFault);
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(afterSecond.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(afterSecond.runAfter()).isEqualTo(secondFault.plusSeconds(10));
    }

    @Test
    void aSystemFaultFailsTheJobOnceTheAttemptsAreSpent() {
        ProcessingJob job = queued();
        for (int i = 0; i < 2; i++) {
            job = job.start().afterSystemFault(POLICY, T0.plusSeconds(i));
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        }
        ProcessingJob last = job.start();
        assertThat(last.attempts()).isEqualTo(3);
        ProcessingJob failed = last.afterSystemFault(POLICY, T0.plusSeconds(500));
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
    }

    @Test
    void aPolicyOfOneAttemptFailsAtTheFirstFault() {
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(queued().start().afterSystemFault(once, T0).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void requiresAllFieldsAndNonNegativeAttempts() {
        assertThatThrownBy(() -> new ProcessingJob(null, TENANT, JobStatus.QUEUED, 0, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessingJob(SESSION, null, JobStatus.QUEUED, 0, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessingJob(SESSION, TENANT, null, 0, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessingJob(SESSION, TENANT, JobStatus.QUEUED, -1, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessingJob(SESSION, TENANT, JobStatus.QUEUED, 0, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessingJob(SESSION, TENANT, JobStatus.QUEUED, 0, T0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
