package io.rppg.adapter.signal.method;

/**
 * Pilz et al. 2018, local group invariance: in each window the direction along which the raw colour varies most
 * (the skin tone, which intensity changes scale) is projected out, and the green component of what remains is the
 * pulse.
 */
public final class Lgi implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    @Override
    public String name() {
        return "lgi";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        int window = Windows.length(WINDOW_SECONDS, trace);
        int step = Math.max(1, window / 2);
        double[] out = new double[n];
        double[][] c = {trace.red(), trace.green(), trace.blue()};
        for (int start = 0; start + window <= n; start += step) {
            double[][] q = new double[3][3];
            for (int i = start; i < start + window; i++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        q[a][b] += c[a][i] * c[b][i];
                    }
                }
            }
            double[] h = Windows.greenAcross(principalDirection(q), c, start, window);
            Windows.alignWithBloodVolume(h, trace.green(), start);
            Windows.overlapAdd(out, h, start);
        }
        return out;
    }

    /** The leading eigenvector of a symmetric positive 3x3 matrix, by power iteration. */
    private static double[] principalDirection(double[][] q) {
        double[] v = {1, 1, 1};
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] next = new double[3];
            for (int a = 0; a < 3; a++) {
                next[a] = q[a][0] * v[0] + q[a][1] * v[1] + q[a][2] * v[2];
            }
            double norm = Math.sqrt(next[0] * next[0] + next[1] * next[1] + next[2] * next[2]);
            if (norm == 0) {
                return v;
            }
            for (int a = 0; a < 3; a++) {
                v[a] = next[a] / norm;
            }
        }
        return v;
    }
}
