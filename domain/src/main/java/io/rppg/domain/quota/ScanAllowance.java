package io.rppg.domain.quota;

import java.time.Instant;

/** The answer to "may this tenant start one more scan?". Running out is an expected outcome, not an error. */
public sealed interface ScanAllowance {

    /** One scan was counted; {@code scansLeft} remain in the period. */
    record Granted(int scansLeft) implements ScanAllowance {
    }

    /** The plan's scans for this period are spent; more become available at {@code renewsAt}. */
    record NoScansAvailable(int monthlyScans, Instant renewsAt) implements ScanAllowance {
        /** The code every surface reports for this outcome. */
        public static final String CODE = "NO_SCANS_AVAILABLE";
    }
}
