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
        double[] out = new double[to - from];
        normalise(x, from, out);
        return out;
    }

    /** {@link #normalised} into the given array, whose length is the window's. */
    static void normalise(double[] x, int from, double[] out) {
        int to = from + out.length;
        double mean = mean(x, from, to);
        for (int i = from; i < to; i++) {
            out[i - from] = mean == 0 ? 0 : x[i] / mean;
        }
    }

    /**
     * Turns a window's pulse so that it rises with blood volume: blood darkens green, so the pulse must run against
     * the window's green channel.
     */
    static void alignWithBloodVolume(double[] pulse, double[] green, int from) {
        double pm = mean(pulse, 0, pulse.length);
        double gm = mean(green, from, from + pulse.length);
        double dot = 0;
        for (int i = 0; i < pulse.length; i++) {
            dot += (pulse[i] - pm) * (green[from + i] - gm);
        }
        if (dot > 0) {
            for (int i = 0; i < pulse.length; i++) {
                pulse[i] = -pulse[i];
            }
        }
    }

    /** Adds a Hann-weighted window into the output. */
    static void overlapAdd(double[] out, double[] window, int from) {
        double mean = mean(window, 0, window.length);
        for (int i = 0; i < window.length; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (window.length - 1));
            out[from + i] += hann * (window[i] - mean);
        }
    }
}
