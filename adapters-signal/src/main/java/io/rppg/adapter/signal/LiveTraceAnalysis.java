package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Resampler;
import io.rppg.adapter.signal.method.RgbTrace;
import io.rppg.adapter.signal.method.RppgMethod;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.application.port.out.LiveSignalEnginePort.LiveAnalysis;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One live stream of skin-colour samples, analysed as it grows: into the same {@link SkinTrace} the file engine
 * reduces a video to, read by the same {@link VitalsEstimator} over the latest window once a second, and judged at
 * the end by the file engine itself. A trace stream and an upload whose trace is the same therefore end alike.
 */
final class LiveTraceAnalysis implements LiveAnalysis {

    /** Samples closer than this to the previous one are dropped: 120 Hz is more than any camera SDK sends. */
    private static final double MIN_SAMPLE_SPACING_SECONDS = 1.0 / 120;
    /** A gap longer than this in a window is a lost face, not a pulse to read. */
    private static final double MAX_GAP_SECONDS = 0.5;
    /** Full-range luma below which skin colour is mostly sensor noise, as the file engine judges it. */
    private static final double DARKEST_USABLE_LUMA = 30;

    private final RppgSignalEngineAdapter judge;
    private final VitalsEstimator estimator;
    private final RppgMethod method;
    private final int windowSeconds;
    private final SkinTrace trace = new SkinTrace();
    private double firstMillis = Double.NaN;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private double nextWindowEnd;
    private double previousWindowEnd = Double.NaN;

    LiveTraceAnalysis(SignalEngineConfig config, int windowSeconds) {
        this(config, RppgMethods.named(config.method()), windowSeconds);
    }

    LiveTraceAnalysis(SignalEngineConfig config, RppgMethod method, int windowSeconds) {
        this.judge = new RppgSignalEngineAdapter(config, method);
        this.method = method;
        this.estimator = new VitalsEstimator(method);
        this.windowSeconds = windowSeconds;
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
                due.add(windowEndingAt(nextWindowEnd));
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

    private Reading windowEndingAt(double end) {
        double[] t = trace.seconds();
        int to = trace.size();
        while (to > 0 && t[to - 1] > end) {
            to--;
        }
        int from = to;
        while (from > 0 && t[from - 1] >= end - windowSeconds) {
            from--;
        }
        for (int i = from + 1; i < to; i++) {
            if (t[i] - t[i - 1] > MAX_GAP_SECONDS) {
                from = i;
            }
        }
        if (to - from < 2 || trace.spanOf(from, to) < windowSeconds * 0.8) {
            return new Reading.Condition(LiveCondition.HOLD_STILL, end);
        }
        if (meanLuma(from, to) < DARKEST_USABLE_LUMA) {
            return new Reading.Condition(LiveCondition.TOO_DARK, end);
        }
        return switch (estimator.estimate(trace, from, to, 1.0)) {
            case AnalysisOutcome.Measured(var vitals) -> {
                double[] waveform = waveformSince(from, to, end);
                previousWindowEnd = end;
                yield new Reading.Window(new LiveWindow(end, vitals.heartRate().beatsPerMinute(),
                        vitals.confidence().value(), vitals.signalQuality().snrDb(), trace.spanOf(from, to),
                        waveform, VitalsEstimator.RATE, null));
            }
            case AnalysisOutcome.Unusable unusable -> new Reading.Condition(LiveCondition.HOLD_STILL, end);
        };
    }

    /** The band-passed pulse of the window's method since the previous window (the whole window for the first). */
    private double[] waveformSince(int from, int to, double end) {
        double rate = VitalsEstimator.RATE;
        double[] t = trace.seconds();
        var rgb = new RgbTrace(Resampler.uniform(t, trace.red(), from, to, rate),
                Resampler.uniform(t, trace.green(), from, to, rate),
                Resampler.uniform(t, trace.blue(), from, to, rate), rate);
        double[] pulse = PulseBand.filter(rate).apply(method.pulse(rgb));
        double since = Double.isNaN(previousWindowEnd) ? windowSeconds : end - previousWindowEnd;
        int count = (int) Math.min(pulse.length, Math.round(since * rate));
        double[] tail = Arrays.copyOfRange(pulse, pulse.length - count, pulse.length);
        double scale = 0;
        for (double v : pulse) {
            scale = Math.max(scale, Math.abs(v));
        }
        // Scaled to [-1, 1] over the window: the pulse's own units mean nothing to a display.
        for (int i = 0; i < tail.length; i++) {
            tail[i] = scale == 0 ? 0 : Math.round(tail[i] / scale * 1000) / 1000.0;
        }
        return tail;
    }

    private double meanLuma(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += 0.299 * trace.red()[i] + 0.587 * trace.green()[i] + 0.114 * trace.blue()[i];
        }
        return sum / (to - from);
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
