package io.rppg.application.pipeline;

import io.rppg.application.port.out.JobQueuePort;
import io.rppg.domain.job.ProcessingJob;
import io.rppg.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.List;

/** Remembers queued jobs and the tenant transaction each was queued in; can be told to fail. */
public final class RecordingJobQueue implements JobQueuePort {

    public record Queued(ProcessingJob job, TenantId transactionTenant) {
    }

    private final RollbackTransactions transactions;
    private final List<Queued> queued = new ArrayList<>();
    private RuntimeException failure;

    public RecordingJobQueue(RollbackTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void enqueue(ProcessingJob job) {
        if (failure != null) {
            throw failure;
        }
        queued.add(new Queued(job, transactions.inTransaction() ? transactions.currentTenant() : null));
    }

    public void failWith(RuntimeException e) {
        this.failure = e;
    }

    public List<Queued> queued() {
        return List.copyOf(queued);
    }
}
