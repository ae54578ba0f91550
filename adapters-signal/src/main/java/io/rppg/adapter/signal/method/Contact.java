package io.rppg.adapter.signal.method;

/**
 * Contact PPG: a fingertip pressed on the lens, lit through by the flash. More blood absorbs more of the light that
 * passes through, so the picture darkens with each beat in every channel it has not saturated (mostly red, often
 * green; a saturated channel stays flat and adds nothing). Not a face method: it is offered for traces recorded
 * that way, not among the engine's face methods.
 */
public final class Contact implements RppgMethod {

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        int n = trace.length();
        double[] brightness = new double[n];
        for (int i = 0; i < n; i++) {
            brightness[i] = trace.red()[i] + trace.green()[i] + trace.blue()[i];
        }
        double mean = Windows.mean(brightness, 0, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean == 0 ? 0 : 1 - brightness[i] / mean;
        }
        return out;
    }
}
