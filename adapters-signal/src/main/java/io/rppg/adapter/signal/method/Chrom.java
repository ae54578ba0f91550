package io.rppg.adapter.signal.method;

import io.rppg.adapter.signal.dsp.BandPass;
import io.rppg.adapter.signal.dsp.PulseBand;

/**
 * De Haan and Jeanne 2013, chrominance-based rPPG: two colour-difference signals that cancel specular reflection
 * for a standardised skin tone, band-passed, tuned against each other per window and Hann-overlap-added.
 */
public final class Chrom implements RppgMethod {

    private static final double WINDOW_SECONDS = 1.6;

    @Override
    public String name() {
        return "chrom";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        double[] r = Windows.normalised(trace.red(), 0, n);
        double[] g = Windows.normalised(trace.green(), 0, n);
        double[] b = Windows.normalised(trace.blue(), 0, n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3 * r[i] - 2 * g[i];
            y[i] = 1.5 * r[i] + g[i] - 1.5 * b[i];
        }
        BandPass band = PulseBand.filter(trace.sampleRate());
        x = band.apply(x);
        y = band.apply(y);
        int window = Windows.length(WINDOW_SECONDS, trace);
        int step = Math.max(1, window / 2);
        double[] out = new double[n];
        for (int start = 0; start + window <= n; start += step) {
            double[] xs = java.util.Arrays.copyOfRange(x, start, start + window);
            double[] ys = java.util.Arrays.copyOfRange(y, start, start + window);
            double sy = Windows.std(ys);
            double alpha = sy == 0 ? 0 : Windows.std(xs) / sy;
            for (int i = 0; i < window; i++) {
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (window - 1));
                out[start + i] += hann * (xs[i] - alpha * ys[i]);
            }
        }
        return out;
    }
}
