package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/** Beats per minute. The band is what a resting or exercising adult face video can show. */
public record HeartRate(double beatsPerMinute) {

    public static final double MIN_BPM = 30;
    public static final double MAX_BPM = 240;

    public HeartRate {
        Require.within(beatsPerMinute, MIN_BPM, MAX_BPM, "heart rate (bpm)");
    }
}
