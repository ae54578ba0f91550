package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.method.RgbTrace;
import io.rppg.adapter.signal.method.RppgMethod;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.Arrays;

/**
 * Reads a live heart rate over the latest window of a growing {@link SkinTrace}, with the file engine's
 * {@link VitalsEstimator}: the same reading for a trace stream and for a media stream's skin colour.
 */
final class LiveWindowReader {

    /** A gap longer than this in a window is a lost face, not a pulse to read. */
    private static final double MAX_GAP_SECONDS = 0.5;
    /** Full-range luma below which skin colour is mostly sensor noise, as the file engine judges it. */
    private static final double DARKEST_USABLE_LUMA = 30;

    private final RppgMethod method;
    private final VitalsEstimator estimator;
    private final int windowSeconds;
    private double previousWindowEnd = Double.NaN;

    LiveWindowReader(RppgMethod method, int windowSeconds) {
        this.method = method;
        this.estimator = new VitalsEstimator(method);
        this.windowSeconds = windowSeconds;
    }

    int windowSeconds() {
        return windowSeconds;
    }

    /** The window of {@code trace} that ends at {@code end}, or the condition that prevents one. */
    Reading windowEndingAt(SkinTrace trace, double end, LiveWindow.FaceBox face) {
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
        if (meanLuma(trace, from, to) < DARKEST_USABLE_LUMA) {
            return new Reading.Condition(LiveCondition.TOO_DARK, end);
        }
        return switch (estimator.estimate(trace, from, to, 1.0)) {
            case AnalysisOutcome.Measured(var vitals) -> {
                double[] waveform = waveformSince(trace, from, to, end);
                previousWindowEnd = end;
                yield new Reading.Window(new LiveWindow(end, vitals.heartRate().beatsPerMinute(),
                        vitals.confidence().value(), vitals.signalQuality().snrDb(), trace.spanOf(from, to),
                        waveform, VitalsEstimator.RATE, face));
            }
            case AnalysisOutcome.Unusable unusable -> new Reading.Condition(LiveCondition.HOLD_STILL, end);
        };
    }

    /** The band-passed pulse of the window's method since the previous window (the whole window for the first). */
    private double[] waveformSince(SkinTrace trace, int from, int to, double end) {
        double rate = VitalsEstimator.RATE;
        // The same colour the window's reading was taken from: its regions weighed by their own pulse.
        RgbTrace rgb = RegionWeighting.colour(trace, from, to).resampled(rate);
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

    private static double meanLuma(SkinTrace trace, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += 0.299 * trace.red()[i] + 0.587 * trace.green()[i] + 0.114 * trace.blue()[i];
        }
        return sum / (to - from);
    }
}
