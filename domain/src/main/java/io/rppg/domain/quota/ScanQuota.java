package io.rppg.domain.quota;

import io.rppg.domain.Require;

/** How many scans a plan allows in a period and how many are used. */
public record ScanQuota(UsagePeriod period, int monthlyScans, int used) {

    public ScanQuota {
        Require.present(period, "usage period");
        Require.notNegative(monthlyScans, "monthly scans");
        Require.notNegative(used, "scans used");
    }

    public int left() {
        return Math.max(0, monthlyScans - used);
    }

    /** Decides on one more scan. Persistence applies the same rule atomically, so concurrent callers cannot overdraw. */
    public ScanAllowance requestOne() {
        if (used >= monthlyScans) {
            return new ScanAllowance.NoScansAvailable(monthlyScans, period.end());
        }
        return new ScanAllowance.Granted(monthlyScans - used - 1);
    }
}
