package io.rppg.adapter.signal.method;

/**
 * Pilz et al. 2018, local group invariance: in each window the direction along which the raw colour varies most
 * (the skin tone, which intensity changes scale) is projected out, and the green component of what remains is the
 * pulse.
 */
public final class Lgi extends SkinToneProjection {

    @Override
    public String name() {
        return "lgi";
    }

    /** The direction along which the window's raw colour varies most: the leading eigenvector of its scatter. */
    @Override
    double[] skinToneDirection(double[][] rgb, int from, int length) {
        double[][] q = new double[3][3];
        for (int i = from; i < from + length; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    q[a][b] += rgb[a][i] * rgb[b][i];
                }
            }
        }
        return principalDirection(q);
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
