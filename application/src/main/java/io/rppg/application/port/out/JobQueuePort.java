package io.rppg.application.port.out;

import io.rppg.domain.job.ProcessingJob;

/**
 * The queue of videos waiting for analysis. Enqueuing joins the caller's transaction: the job exists exactly when
 * the transaction that accepted the video commits.
 */
public interface JobQueuePort {

    /** Queues the job to run at its {@link ProcessingJob#runAfter()}; a worker then calls the process use case. */
    void enqueue(ProcessingJob job);
}
