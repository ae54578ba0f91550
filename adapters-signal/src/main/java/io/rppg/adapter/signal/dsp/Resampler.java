package io.rppg.adapter.signal.dsp;

/** Linear interpolation of irregular samples onto a uniform grid: phones record a variable frame rate. */
public final class Resampler {

    private Resampler() {
    }

    /** Samples of x(t), given at times t[from..to), at {@code rate} Hz from t[from] on. */
    public static double[] uniform(double[] t, double[] x, int from, int to, double rate) {
        int n = (int) Math.floor((t[to - 1] - t[from]) * rate) + 1;
        double[] out = new double[n];
        int j = from;
        for (int i = 0; i < n; i++) {
            double time = t[from] + i / rate;
            while (j < to - 2 && t[j + 1] < time) {
                j++;
            }
            double span = t[j + 1] - t[j];
            double w = span <= 0 ? 0 : Math.max(0, Math.min(1, (time - t[j]) / span));
            out[i] = x[j] + w * (x[j + 1] - x[j]);
        }
        return out;
    }
}
