package io.rppg.domain.session;

/** pending -> processing -> completed | failed; a pending session that outlives its time is expired. */
public enum ScanStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED,
    EXPIRED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }

    /** An open session counts against the plan's limit of concurrent sessions. */
    public boolean isOpen() {
        return this == PENDING || this == PROCESSING;
    }
}
