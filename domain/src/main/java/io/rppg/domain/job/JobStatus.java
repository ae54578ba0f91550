package io.rppg.domain.job;

/** queued -> running -> succeeded | failed, with running -> queued again after a fault of the platform. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
