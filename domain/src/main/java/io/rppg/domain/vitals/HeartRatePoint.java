package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/**
 * The heart rate of one stretch of a scan: the heart rate over time is a series of these, one a second.
 *
 * @param seconds    the middle of the stretch, in seconds from the start of the video
 * @param bpm        the heart rate within the stretch
 * @param confidence 0..1: how clearly the pulse stood out within the stretch
 */
public record HeartRatePoint(double seconds, double bpm, double confidence) {

    public HeartRatePoint {
        Require.within(seconds, 0, 24 * 3600, "seconds");
        Require.within(bpm, HeartRate.MIN_BPM, HeartRate.MAX_BPM, "heart rate (bpm)");
        Require.within(confidence, 0, 1, "confidence");
    }
}
