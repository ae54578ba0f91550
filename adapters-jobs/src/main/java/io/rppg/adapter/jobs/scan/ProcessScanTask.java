package io.rppg.adapter.jobs.scan;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.in.ProcessScanJobUseCase.JobOutcome;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The db-scheduler task that runs {@link ProcessScanJobUseCase} for one queued session.
 *
 * <p>The attempt number is db-scheduler's count of consecutive failures plus one; a dead execution (its worker
 * stopped sending heartbeats) is revived and counts as a failed attempt, so a video that kills its worker cannot
 * loop forever. When the use case asks for another attempt, the execution fails on purpose and is rescheduled
 * after the use case's back-off. Any other exception (the database was unreachable, say) is retried with the
 * back-off of the same {@link RetryPolicy}: nothing about the session could be recorded, so giving up is not an
 * option; the use case gives up and gives the scan back once its attempts are spent.
 */
public final class ProcessScanTask extends OneTimeTask<ScanJobData> {

    public static final String NAME = "process-scan";

    private static final Logger log = LoggerFactory.getLogger(ProcessScanTask.class);

    private final ProcessScanJobUseCase processScanJob;

    public ProcessScanTask(ProcessScanJobUseCase processScanJob, RetryPolicy retryPolicy) {
        super(NAME, ScanJobData.class, new RetryHandler(retryPolicy));
        this.processScanJob = processScanJob;
    }

    /** The instance id of a session's job: unique per tenant and session, so a session has at most one. */
    public static String instanceId(TenantId tenant, ScanSessionId session) {
        return tenant.value() + ":" + session.value();
    }

    @Override
    public void executeOnce(TaskInstance<ScanJobData> instance, ExecutionContext context) {
        var data = instance.getData();
        int attempt = context.getExecution().consecutiveFailures + 1;
        var outcome = processScanJob.process(new ProcessScanJobUseCase.Command(
                TenantId.of(data.tenantId()), new ScanSessionId(data.sessionId()), attempt));
        switch (outcome) {
            case JobOutcome.RetryLater(var delay, var reason) -> throw new RetryRequested(delay, reason);
            case JobOutcome.Completed completed -> log.info("Job {} attempt {}: completed", instance.getId(), attempt);
            case JobOutcome.FailedUnusable failed -> log.info("Job {} attempt {}: failed, the video cannot be used",
                    instance.getId(), attempt);
            case JobOutcome.GaveUp gaveUp -> log.info("Job {} attempt {}: gave up, the scan was given back",
                    instance.getId(), attempt);
            case JobOutcome.NothingToDo(var reason) -> log.info("Job {} attempt {}: nothing to do ({})",
                    instance.getId(), attempt, reason);
        }
    }

    /** Thrown to let db-scheduler count the failed attempt and reschedule it after {@link #delay()}. */
    static final class RetryRequested extends RuntimeException {
        private final transient Duration delay;

        RetryRequested(Duration delay, String reason) {
            super("retry in " + delay + ": " + reason, null, false, false);
            this.delay = delay;
        }

        Duration delay() {
            return delay;
        }
    }

    private static final class RetryHandler implements FailureHandler<ScanJobData> {

        private final RetryPolicy policy;

        RetryHandler(RetryPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<ScanJobData> operations) {
            var cause = complete.getCause().orElse(null);
            Duration delay;
            if (cause instanceof RetryRequested retry) {
                delay = retry.delay();
            } else {
                int failures = complete.getExecution().consecutiveFailures + 1;
                delay = policy.delayAfterAttempt(Math.max(1, failures));
                log.warn("Job {} failed outside the use case's control, retrying in {}",
                        complete.getExecution().taskInstance.getId(), delay, cause);
            }
            operations.reschedule(complete, complete.getTimeDone().plus(delay));
        }
    }
}
