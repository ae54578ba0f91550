package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/** Breaths per minute. */
public record RespiratoryRate(double breathsPerMinute) {

    public static final double MIN_BREATHS_PER_MINUTE = 4;
    public static final double MAX_BREATHS_PER_MINUTE = 60;

    public RespiratoryRate {
        Require.within(breathsPerMinute, MIN_BREATHS_PER_MINUTE, MAX_BREATHS_PER_MINUTE, "respiratory rate");
    }
}
