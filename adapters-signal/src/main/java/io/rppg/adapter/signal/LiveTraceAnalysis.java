package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.RppgMethod;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.application.port.out.LiveSignalEnginePort.LiveAnalysis;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * One live stream of skin-colour samples, analysed as it grows: into the same {@link SkinTrace} the file engine
 * reduces a video to, read by the same {@link VitalsEstimator} (through {@link LiveWindowReader}) over the latest
 * window once a second, and judged at the end by the file engine itself. A trace stream and an upload whose trace is the same therefore end alike.
 */
final class LiveTraceAnalysis implements LiveAnalysis {

    /** Samples closer than this to the previous one are dropped: 120 Hz is more than any camera SDK sends. */
    private static final double MIN_SAMPLE_SPACING_SECONDS = 1.0 / 120;

    private final RppgSignalEngineAdapter judge;
    private final LiveWindowReader windows;
    private final SkinTrace trace = new SkinTrace();
    private double firstMillis = Double.NaN;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private double nextWindowEnd;

    LiveTraceAnalysis(SignalEngineConfig config, int windowSeconds) {
        this(config, RppgMethods.named(config.method()), windowSeconds);
    }

    LiveTraceAnalysis(SignalEngineConfig config, RppgMethod method, int windowSeconds) {
        this.judge = new RppgSignalEngineAdapter(config, method);
        this.windows = new LiveWindowReader(method, windowSeconds);
        this.nextWindowEnd = windowSeconds;
    }

    @Override
    public List<Reading> addTrace(List<TraceSample> samples) {
        var due = new ArrayList<Reading>();
        for (var sample : samples) {
            if (Double.isNaN(firstMillis)) {
                firstMillis = sample.millis();
            }
            double seconds = (sample.millis() - firstMillis) / 1000;
            if (seconds < lastSeconds + MIN_SAMPLE_SPACING_SECONDS) {
                continue;
            }
            // A window is read from the samples before it ends, as soon as a later sample shows it complete.
            while (seconds > nextWindowEnd && trace.size() > 0) {
                due.add(windows.windowEndingAt(trace, nextWindowEnd, null));
                nextWindowEnd += 1;
            }
            add(seconds, sample);
        }
        return due;
    }

    private void add(double seconds, TraceSample sample) {
        double luma = 0.299 * sample.red() + 0.587 * sample.green() + 0.114 * sample.blue();
        // A trace carries no face position: breathing is read from the pulse's modulation alone.
        trace.add(seconds, sample.red(), sample.green(), sample.blue(), 0, luma);
        trace.pictures++;
        trace.picturesWithFace++;
        trace.faceFound = true;
        trace.sceneLumaSum += luma;
        trace.sceneLumaCount++;
        trace.videoSeconds = seconds;
        lastSeconds = seconds;
    }

    @Override
    public double seconds() {
        return Math.max(0, lastSeconds);
    }

    @Override
    public AnalysisOutcome finish() {
        return judge.judge(trace);
    }
}
