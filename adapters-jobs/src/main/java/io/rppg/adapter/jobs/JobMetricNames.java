package io.rppg.adapter.jobs;

/**
 * The names and tags of what the background work measures, in the platform's metric style: Micrometer names,
 * lower case, dot separated, starting with {@code rppg.}; Prometheus scrapes {@code rppg.scans.completed} as
 * {@code rppg_scans_completed_total}. Tags are few and bounded, never an id.
 */
public final class JobMetricNames {

    /** Counter: scans whose analysis produced vitals. */
    public static final String SCANS_COMPLETED = "rppg.scans.completed";
    /** Counter: scans whose analysis failed. Tag: {@link #REASON} (the failure code). */
    public static final String SCANS_FAILED = "rppg.scans.failed";
    /** Timer: from upload accepted to result stored. */
    public static final String SCAN_PROCESSING = "rppg.scan.processing";
    /** Timer: how long the worker's attempt that ended the scan took (decoding and analysis). */
    public static final String SCAN_ANALYSIS = "rppg.scan.analysis";
    /** Timer: from upload accepted to the start of the worker's attempt that ended the scan. */
    public static final String SCAN_QUEUE_WAIT = "rppg.scan.queue_wait";

    /** Tag: a bounded reason code, e.g. a failure code. */
    public static final String REASON = "reason";

    private JobMetricNames() {
    }
}
