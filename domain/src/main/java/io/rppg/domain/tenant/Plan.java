package io.rppg.domain.tenant;

import io.rppg.domain.Require;

/**
 * What a tenant may do: how many scans a month, how fast it may call, how many sessions it may hold open,
 * how large an upload may be, and whether videos are kept after analysis.
 */
public record Plan(
        PlanId id,
        String name,
        int monthlyScans,
        int requestsPerMinute,
        int maxOpenSessions,
        int maxUploadMegabytes,
        boolean retainVideo) {

    /** The largest upload any plan may allow; the documented limit of the v1 API. */
    public static final int UPLOAD_CEILING_MEGABYTES = 100;

    public Plan {
        Require.present(id, "plan id");
        Require.text(name, "plan name", 100);
        Require.notNegative(monthlyScans, "monthly scans");
        Require.positive(requestsPerMinute, "requests per minute");
        Require.positive(maxOpenSessions, "max open sessions");
        Require.positive(maxUploadMegabytes, "max upload size");
        if (maxUploadMegabytes > UPLOAD_CEILING_MEGABYTES) {
            throw new IllegalArgumentException(
                    "max upload size must be at most " + UPLOAD_CEILING_MEGABYTES + " MB, was " + maxUploadMegabytes);
        }
    }

    public long maxUploadBytes() {
        return maxUploadMegabytes * 1024L * 1024L;
    }
}
