package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.Contact;
import io.rppg.adapter.signal.method.RppgMethod;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;

import java.util.Locale;

/**
 * Vitals from a colour trace that was measured elsewhere (a phone that averages the skin itself, a fingertip on a
 * camera): the engine's trace-to-vitals part without a video. Takes the time of each sample and the mean red, green
 * and blue; the samples may come at an uneven pace, as a phone's frames do.
 */
public final class ColourTraceAnalyzer {

    /** The shortest trace the engine reads a heart rate from, as for a video. */
    static final double MIN_SECONDS = 5;

    private final VitalsEstimator estimator;

    private ColourTraceAnalyzer(VitalsEstimator estimator) {
        this.estimator = estimator;
    }

    /** For the mean skin colour of a face, judged as a video's trace is (a photograph shows no pulse). */
    public static ColourTraceAnalyzer ofFace(RppgMethod method) {
        return new ColourTraceAnalyzer(new VitalsEstimator(method));
    }

    /**
     * For a fingertip pressed on the lens over the flash ({@link Contact}): no photograph can make such a trace, and
     * its swing depends on the pressure, so a faint swing is not taken for the absence of a pulse.
     */
    public static ColourTraceAnalyzer ofFingertip() {
        return new ColourTraceAnalyzer(new VitalsEstimator(new Contact(), 0));
    }

    /**
     * @param seconds time of each sample, increasing
     * @param red     mean red of each sample, 0-255
     * @param green   mean green of each sample, 0-255
     * @param blue    mean blue of each sample, 0-255
     */
    public AnalysisOutcome analyze(double[] seconds, double[] red, double[] green, double[] blue) {
        int n = seconds.length;
        if (red.length != n || green.length != n || blue.length != n) {
            throw new IllegalArgumentException("time, red, green and blue must have one value per sample each");
        }
        SkinTrace trace = new SkinTrace();
        for (int i = 0; i < n; i++) {
            if (i > 0 && !(seconds[i] > seconds[i - 1])) {
                throw new IllegalArgumentException("sample times must increase, sample " + i + " does not");
            }
            double luma = 0.299 * red[i] + 0.587 * green[i] + 0.114 * blue[i];
            // No picture, so neither head motion nor a background: the breathing comes from the beats alone, and
            // the light is not checked against a reference.
            trace.add(seconds[i], red[i], green[i], blue[i], 0, luma, Double.NaN);
        }
        double span = trace.spanOf(0, n);
        if (span < MIN_SECONDS) {
            return new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.VIDEO_TOO_SHORT, String.format(
                    Locale.ROOT, "The trace is %.1f s long; at least %.0f s are needed", span, MIN_SECONDS)));
        }
        return estimator.estimate(trace, 0, n, 1);
    }
}
