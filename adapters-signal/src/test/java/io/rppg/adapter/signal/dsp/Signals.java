package io.rppg.adapter.signal.dsp;

/** Test signals and the measures the tests read them by. */
final class Signals {

    private Signals() {
    }

    /** {@code seconds} of a sine of the given frequency, amplitude and phase, sampled at {@code rate}. */
    static double[] sine(double hz, double amplitude, double phase, double seconds, double rate) {
        double[] x = new double[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / rate + phase);
        }
        return x;
    }

    static double[] plus(double[]... parts) {
        double[] sum = new double[parts[0].length];
        for (double[] part : parts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part[i];
            }
        }
        return sum;
    }

    /**
     * Amplitude and phase of the {@code hz} component of x[from, to), by projection on a sine and a cosine; exact for
     * a whole number of its cycles.
     */
    static double[] component(double[] x, double hz, double rate, int from, int to) {
        double s = 0, c = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            s += x[i] * Math.sin(w);
            c += x[i] * Math.cos(w);
        }
        int n = to - from;
        return new double[]{2 * Math.hypot(s, c) / n, Math.atan2(c, s)};
    }
}
