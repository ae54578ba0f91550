package io.rppg.adapter.web.metrics;

/**
 * The names and tags of the platform's own metrics, in one place so that they stay alike.
 *
 * <p>Style: Micrometer names, lower case, dot separated, starting with {@code rppg.}; a counter is named after what
 * it counts in the plural, a timer after what it times. Prometheus shows dots as underscores and adds
 * {@code _total} to counters and {@code _seconds} to timers, so {@code rppg.rate_limit.rejections} is scraped as
 * {@code rppg_rate_limit_rejections_total}. Tags are few and bounded (a surface, a reason), never an id. What the
 * background work measures (scans completed and failed, analysis and queue times) is named by the jobs adapter.
 */
public final class MetricNames {

    /** Counter: requests refused with 429 because an allowance was spent. Tags: {@link #SURFACE}, {@link #SCOPE}. */
    public static final String RATE_LIMIT_REJECTIONS = "rppg.rate_limit.rejections";

    /** Counter: scan sessions opened. Tag: {@link #SURFACE}. */
    public static final String SCANS_CREATED = "rppg.scans.created";
    /** Gauge: uploads being received right now. */
    public static final String UPLOADS_IN_FLIGHT = "rppg.uploads.in_flight";
    /** Distribution summary (bytes): size of each received upload. Tag: {@link #SURFACE}. */
    public static final String UPLOAD_SIZE = "rppg.uploads.size";

    /** Tag: the API surface, {@code v1}, {@code nervoscan} or {@code v2}. */
    public static final String SURFACE = "surface";
    /** Tag: what a rate limit counted, {@code credential} (API key or token) or {@code address} (logins). */
    public static final String SCOPE = "scope";

    private MetricNames() {
    }
}
