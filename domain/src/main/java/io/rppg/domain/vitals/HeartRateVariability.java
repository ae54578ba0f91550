package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/**
 * Time-domain heart rate variability from beat-to-beat intervals, in milliseconds.
 *
 * @param sdnnMs  standard deviation of the normal-to-normal intervals
 * @param rmssdMs root mean square of successive interval differences
 * @param beats   how many accepted intervals the figures rest on
 */
public record HeartRateVariability(double sdnnMs, double rmssdMs, int beats) {

    public HeartRateVariability {
        Require.within(sdnnMs, 0, 1000, "SDNN (ms)");
        Require.within(rmssdMs, 0, 1000, "RMSSD (ms)");
        Require.positive(beats, "beat count");
    }
}
