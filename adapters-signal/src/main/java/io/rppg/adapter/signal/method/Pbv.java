package io.rppg.adapter.signal.method;

/**
 * De Haan and van Leest 2014, blood volume pulse signature: in each window the pulse is the projection of the
 * mean-normalised colour that matches the signature of blood volume changes (here the window's own relative
 * channel strengths) while having the least energy, found by solving (C C^T) w = pbv.
 */
public final class Pbv implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    @Override
    public String name() {
        return "pbv";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        int window = Windows.length(WINDOW_SECONDS, trace);
        int step = Math.max(1, window / 2);
        double[] out = new double[n];
        for (int start = 0; start + window <= n; start += step) {
            double[][] c = {
                    Windows.normalised(trace.red(), start, start + window),
                    Windows.normalised(trace.green(), start, start + window),
                    Windows.normalised(trace.blue(), start, start + window)};
            double[] signature = new double[3];
            double length = 0;
            for (int a = 0; a < 3; a++) {
                signature[a] = Windows.std(c[a]);
                length += signature[a] * signature[a];
            }
            if (length == 0) {
                continue;
            }
            double[][] q = new double[3][3];
            for (int a = 0; a < 3; a++) {
                signature[a] /= Math.sqrt(length);
                for (int b = 0; b < 3; b++) {
                    for (int i = 0; i < window; i++) {
                        q[a][b] += c[a][i] * c[b][i];
                    }
                }
            }
            double[] w = solve(q, signature);
            if (w == null) {
                continue;
            }
            double scale = signature[0] * w[0] + signature[1] * w[1] + signature[2] * w[2];
            double[] h = new double[window];
            for (int i = 0; i < window; i++) {
                h[i] = (c[0][i] * w[0] + c[1][i] * w[1] + c[2][i] * w[2]) / scale;
            }
            Windows.alignWithBloodVolume(h, trace.green(), start);
            Windows.overlapAdd(out, h, start);
        }
        return out;
    }

    /** Solves a 3x3 system by Cramer's rule; null when it is singular. */
    private static double[] solve(double[][] m, double[] v) {
        double det = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        if (Math.abs(det) < 1e-300) {
            return null;
        }
        return new double[]{
                det(v[0], m[0][1], m[0][2], v[1], m[1][1], m[1][2], v[2], m[2][1], m[2][2]) / det,
                det(m[0][0], v[0], m[0][2], m[1][0], v[1], m[1][2], m[2][0], v[2], m[2][2]) / det,
                det(m[0][0], m[0][1], v[0], m[1][0], m[1][1], v[1], m[2][0], m[2][1], v[2]) / det};
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
