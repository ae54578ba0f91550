package io.rppg.adapter.signal.method;

/**
 * The methods that project one colour direction, standing for the skin tone, out of each 1.6 s window and keep the
 * green component of what remains, overlap-added with a Hann window. They differ only in how they find the direction.
 */
abstract class SkinToneProjection implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    /** The unit direction to project out of the window [from, from + length) of the red, green and blue rows. */
    abstract double[] skinToneDirection(double[][] rgb, int from, int length);

    @Override
    public final double[] pulse(RgbTrace trace) {
        int n = trace.length();
        int window = Windows.length(WINDOW_SECONDS, trace);
        int step = Math.max(1, window / 2);
        double[] out = new double[n];
        double[][] rgb = {trace.red(), trace.green(), trace.blue()};
        for (int start = 0; start + window <= n; start += step) {
            double[] u = skinToneDirection(rgb, start, window);
            double[] h = new double[window];
            for (int i = 0; i < window; i++) {
                double along = u[0] * rgb[0][start + i] + u[1] * rgb[1][start + i] + u[2] * rgb[2][start + i];
                h[i] = rgb[1][start + i] - along * u[1];
            }
            Windows.alignWithBloodVolume(h, trace.green(), start);
            Windows.overlapAdd(out, h, start);
        }
        return out;
    }
}
