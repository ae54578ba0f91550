package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.RppgMethods;

/**
 * How the engine runs.
 *
 * @param method              the rPPG method by name: {@code auto} (the best-evidence pulse of POS, GREEN and LGI),
 *                            {@code pos}, {@code chrom}, {@code green}, {@code lgi}, {@code pbv} or {@code omit}
 * @param detectionInterval   run the face detector on every n-th picture and track the box in between
 * @param facePatienceSeconds how long the face may go undetected before the pictures count as faceless
 * @param maxAnalysedSeconds  pictures after this many seconds are not decoded: bounds time and memory
 * @param minFaceSeconds      the shortest stretch of usable face that is analysed
 * @param maxProcessingSeconds wall-clock budget of one analysis; beyond it the analysis stops with a fault
 */
public record SignalEngineConfig(
        String method,
        int detectionInterval,
        double facePatienceSeconds,
        double maxAnalysedSeconds,
        double minFaceSeconds,
        double maxProcessingSeconds) {

    public SignalEngineConfig {
        RppgMethods.named(method);
        if (detectionInterval < 1 || detectionInterval > 300) {
            throw new IllegalArgumentException("detection interval must be 1..300 pictures, was " + detectionInterval);
        }
        if (!(facePatienceSeconds > 0) || !(maxAnalysedSeconds >= 10) || !(minFaceSeconds >= 3)
                || !(maxProcessingSeconds > 0)) {
            throw new IllegalArgumentException(
                    "patience and processing budget must be positive, max analysed >= 10 s and min face >= 3 s");
        }
    }

    /** Best evidence of POS, GREEN and LGI, detection on every 10th picture, up to 3 minutes analysed, at least 5 s of face, 2 minutes budget. */
    public static SignalEngineConfig defaults() {
        return new SignalEngineConfig("auto", 10, 1.0, 180, 5, 120);
    }

    public static SignalEngineConfig withMethod(String method) {
        SignalEngineConfig d = defaults();
        return new SignalEngineConfig(method, d.detectionInterval(), d.facePatienceSeconds(), d.maxAnalysedSeconds(),
                d.minFaceSeconds(), d.maxProcessingSeconds());
    }
}
