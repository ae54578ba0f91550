package io.rppg.adapter.signal.method;

/** Helpers shared by the methods that work on short sliding windows. */
final class Windows {

    private Windows() {
    }

    /** Window length in samples for the given seconds, at least 3 samples and at most the trace. */
    static int length(double seconds, RgbTrace trace) {
        return Math.max(3, Math.min(trace.length(), (int) Math.round(seconds * trace.sampleRate())));
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    static double std(double[] x) {
        double mean = mean(x, 0, x.length);
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / x.length);
    }

    /** The window of one channel divided by its mean, so that only relative changes remain. */
    static double[] normalised(double[] x, int from, int to) {
        double mean = mean(x, from, to);
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = mean == 0 ? 0 : x[i] / mean;
        }
        return out;
    }
}
