package io.rppg.adapter.signal.dsp;

/**
 * A zero-phase Butterworth band-pass: a second-order high-pass and low-pass (RBJ biquads), run forwards and then
 * backwards so that peaks keep their timing. The signal is mirrored at both ends first to tame start-up transients.
 */
public final class BandPass {

    private final double[][] sections;

    public BandPass(double lowHz, double highHz, double sampleRate) {
        sections = new double[][]{highPass(lowHz, sampleRate), lowPass(Math.min(highHz, 0.45 * sampleRate), sampleRate)};
    }

    public double[] apply(double[] x) {
        int pad = Math.min(x.length - 1, 3 * (int) Math.ceil(x.length / 4.0));
        double[] y = new double[x.length + 2 * pad];
        for (int i = 0; i < pad; i++) {
            y[i] = 2 * x[0] - x[pad - i];
            y[y.length - 1 - i] = 2 * x[x.length - 1] - x[x.length - 1 - pad + i];
        }
        System.arraycopy(x, 0, y, pad, x.length);
        for (double[] s : sections) {
            run(s, y);
            reverse(y);
            run(s, y);
            reverse(y);
        }
        double[] out = new double[x.length];
        System.arraycopy(y, pad, out, 0, x.length);
        return out;
    }

    private static void run(double[] c, double[] y) {
        double x1 = y[0], x2 = y[0], y1 = y[0] * (c[0] + c[1] + c[2]) / (1 + c[3] + c[4]), y2 = y1;
        for (int i = 0; i < y.length; i++) {
            double x0 = y[i];
            double out = c[0] * x0 + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = x0;
            y2 = y1;
            y1 = out;
            y[i] = out;
        }
    }

    private static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
    }

    /** Coefficients b0, b1, b2, a1, a2 normalised by a0. */
    private static double[] lowPass(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / Math.sqrt(2);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new double[]{(1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }

    private static double[] highPass(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / Math.sqrt(2);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        return new double[]{(1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }
}
