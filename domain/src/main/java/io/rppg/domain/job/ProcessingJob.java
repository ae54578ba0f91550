package io.rppg.domain.job;

import io.rppg.domain.Require;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;

/**
 * The work of analysing one uploaded video. There is one job per scan session, so the session id is its key.
 *
 * @param attempts how many times a worker has started it
 * @param runAfter when it may next be picked up
 */
public record ProcessingJob(
        ScanSessionId sessionId,
        TenantId tenantId,
        JobStatus status,
        int attempts,
        Instant queuedAt,
        Instant runAfter) {

    public ProcessingJob {
        Require.present(sessionId, "session id");
        Require.present(tenantId, "tenant id");
        Require.present(status, "job status");
        Require.notNegative(attempts, "attempts");
        Require.present(queuedAt, "queued at");
        Require.present(runAfter, "run after");
    }

    public static ProcessingJob enqueue(ScanSessionId sessionId, TenantId tenantId, Instant now) {
        return new ProcessingJob(sessionId, tenantId, JobStatus.QUEUED, 0, now, now);
    }

    public ProcessingJob start() {
        if (status != JobStatus.QUEUED) {
            throw new IllegalStateException("job " + sessionId + " is " + status + ", not queued");
        }
        return new ProcessingJob(sessionId, tenantId, JobStatus.RUNNING, attempts + 1, queuedAt, runAfter);
    }

    public ProcessingJob succeed() {
        requireRunning();
        return new ProcessingJob(sessionId, tenantId, JobStatus.SUCCEEDED, attempts, queuedAt, runAfter);
    }

    /** The video cannot be used: the job ends, whatever attempts are left. */
    public ProcessingJob failForGood() {
        requireRunning();
        return new ProcessingJob(sessionId, tenantId, JobStatus.FAILED, attempts, queuedAt, runAfter);
    }

    /** The platform faulted: queue again after a back-off, or fail once the policy's attempts are spent. */
    public ProcessingJob afterSystemFault(RetryPolicy policy, Instant now) {
        requireRunning();
        if (!policy.allowsAnotherAttemptAfter(attempts)) {
            return failForGood();
        }
        return new ProcessingJob(sessionId, tenantId, JobStatus.QUEUED, attempts, queuedAt,
                now.plus(policy.delayAfterAttempt(attempts)));
    }

    private void requireRunning() {
        if (status != JobStatus.RUNNING) {
            throw new IllegalStateException("job " + sessionId + " is " + status + ", not running");
        }
    }
}
