package io.rppg.adapter.persistence.job;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a queued {@code process-scan} execution carries: whose session to analyse. Stored serialised in
 * {@code scheduled_tasks.task_data}; plain strings keep the stored form independent of the domain's classes.
 */
public record ScanJobData(String tenantId, String sessionId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
