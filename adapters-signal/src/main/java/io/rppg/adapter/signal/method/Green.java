package io.rppg.adapter.signal.method;

/** Verkruysse 2008: the green channel alone, which carries most of the pulse. Baseline, not motion-robust. */
public final class Green implements RppgMethod {

    @Override
    public String name() {
        return "green";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        double mean = Windows.mean(trace.green(), 0, trace.length());
        double[] out = new double[trace.length()];
        for (int i = 0; i < out.length; i++) {
            // Blood absorbs green light: more blood, darker skin.
            out[i] = mean == 0 ? 0 : 1 - trace.green()[i] / mean;
        }
        return out;
    }
}
