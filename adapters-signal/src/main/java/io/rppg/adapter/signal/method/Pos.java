package io.rppg.adapter.signal.method;

/**
 * Wang et al. 2017, "Algorithmic principles of remote PPG" (plane orthogonal to skin): in 1.6 s windows the
 * mean-normalised colour is projected on two axes orthogonal to the skin tone, tuned against each other so that
 * intensity and specular changes cancel, and the windows are overlap-added.
 */
public final class Pos implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    @Override
    public String name() {
        return "pos";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        int window = Windows.length(WINDOW_SECONDS, trace);
        double[] out = new double[n];
        // One window's arrays, reused as the window slides: a trace has a window at nearly every sample.
        double[] r = new double[window];
        double[] g = new double[window];
        double[] b = new double[window];
        double[] s1 = new double[window];
        double[] s2 = new double[window];
        double[] h = new double[window];
        for (int start = 0; start + window <= n; start++) {
            Windows.normalise(trace.red(), start, r);
            Windows.normalise(trace.green(), start, g);
            Windows.normalise(trace.blue(), start, b);
            for (int i = 0; i < window; i++) {
                s1[i] = g[i] - b[i];
                s2[i] = -2 * r[i] + g[i] + b[i];
            }
            double sd2 = Windows.std(s2);
            double alpha = sd2 == 0 ? 0 : Windows.std(s1) / sd2;
            for (int i = 0; i < window; i++) {
                h[i] = s1[i] + alpha * s2[i];
            }
            double mean = Windows.mean(h, 0, window);
            // h falls as blood volume rises; turn it so that every method's pulse rises with blood volume.
            for (int i = 0; i < window; i++) {
                out[start + i] -= h[i] - mean;
            }
        }
        return out;
    }
}
