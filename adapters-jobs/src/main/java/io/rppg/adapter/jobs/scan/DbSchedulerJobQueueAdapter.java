package io.rppg.adapter.jobs.scan;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.domain.job.ProcessingJob;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues processing jobs as {@code process-scan} executions of db-scheduler. db-scheduler's Spring starter wraps
 * the DataSource so that scheduling joins the caller's transaction: the execution row commits or rolls back with
 * the session's acceptance. After the commit, the local scheduler is told to look for due work at once instead of
 * waiting for its next poll.
 */
public final class DbSchedulerJobQueueAdapter implements JobQueuePort {

    private final SchedulerClient scheduler;
    private final ProcessScanTask task;

    public DbSchedulerJobQueueAdapter(SchedulerClient scheduler, ProcessScanTask task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    @Override
    public void enqueue(ProcessingJob job) {
        var instance = task.instance(ProcessScanTask.instanceId(job.tenantId(), job.sessionId()),
                new ScanJobData(job.tenantId().value().toString(), job.sessionId().value()));
        scheduler.scheduleIfNotExists(instance, job.runAfter());
        if (scheduler instanceof Scheduler local) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        local.triggerCheckForDueExecutions();
                    }
                });
            } else {
                local.triggerCheckForDueExecutions();
            }
        }
    }
}
