package io.rppg.adapter.signal.method;

/**
 * A fingertip pressed on a phone's camera and lit by its flash: the picture is the finger's red glow, which dims as
 * each beat fills the tissue with blood. There is no skin-tone projection to make (the picture is nearly pure red,
 * blue is dark), so the pulse is the red channel's relative dimming, joined by green's where green is bright enough
 * to carry one. Not chosen by {@code RPPG_SIGNAL_METHOD}: faces never look like this.
 */
public final class Fingertip implements RppgMethod {

    /** Below this mean level a channel is sensor noise, not light through the finger. */
    private static final double MIN_LEVEL = 5;

    @Override
    public String name() {
        return "finger";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        double red = Windows.mean(trace.red(), 0, n);
        double green = Windows.mean(trace.green(), 0, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double dimming = red < MIN_LEVEL ? 0 : 1 - trace.red()[i] / red;
            if (green >= MIN_LEVEL) {
                dimming += 1 - trace.green()[i] / green;
            }
            out[i] = dimming;
        }
        return out;
    }
}
