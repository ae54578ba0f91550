package io.rppg.adapter.jobs.scan;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a queued {@code process-scan} execution carries: whose session to analyse. Stored in
 * {@code scheduled_tasks.task_data} by the {@link TaskDataSerializer}; plain strings keep the stored form independent
 * of the domain's classes. It stays {@link Serializable} to read jobs queued before that form existed.
 */
public record ScanJobData(String tenantId, String sessionId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
