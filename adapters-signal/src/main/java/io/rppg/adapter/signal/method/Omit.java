package io.rppg.adapter.signal.method;

/**
 * Casado and López 2023, "Face2PPG" (orthogonal matrix image transformation): each window's colour matrix is
 * factorised by QR, the first orthonormal direction (the window's opening colour, which carries the skin tone) is
 * projected out, and the green component of what remains is the pulse. Like {@link Lgi}, but the direction comes
 * from one decomposition instead of an eigenvector search, so it costs less.
 */
public final class Omit implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    @Override
    public String name() {
        return "omit";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        int window = Windows.length(WINDOW_SECONDS, trace);
        int step = Math.max(1, window / 2);
        double[] out = new double[n];
        double[][] c = {trace.red(), trace.green(), trace.blue()};
        for (int start = 0; start + window <= n; start += step) {
            double[] h = Windows.greenAcross(firstOrthonormalDirection(c, start), c, start, window);
            Windows.alignWithBloodVolume(h, trace.green(), start);
            Windows.overlapAdd(out, h, start);
        }
        return out;
    }

    /**
     * The first column of Q in the QR factorisation of the 3 x window colour matrix: its first column (the colour
     * at the window's start) scaled to unit length; a black first sample leaves nothing to project out.
     */
    private static double[] firstOrthonormalDirection(double[][] c, int start) {
        double r = c[0][start], g = c[1][start], b = c[2][start];
        double norm = Math.sqrt(r * r + g * g + b * b);
        return norm == 0 ? new double[]{0, 0, 0} : new double[]{r / norm, g / norm, b / norm};
    }
}
