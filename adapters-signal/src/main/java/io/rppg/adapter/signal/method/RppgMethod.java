package io.rppg.adapter.signal.method;

/**
 * Turns the mean skin colour over time into a blood volume pulse signal, sample for sample. The signature is the
 * one of pyVHR and rPPG-Toolbox, so that each published method is one small class.
 */
public interface RppgMethod {

    /** The name the method is chosen by, lower case. */
    String name();

    /** A pulse signal of the trace's length and rate that rises with blood volume; its scale is arbitrary. */
    double[] pulse(RgbTrace trace);

    /** The pulse with the name of the method that made it; a method that chooses among others names its choice. */
    default Pulse extract(RgbTrace trace) {
        return new Pulse(name(), pulse(trace));
    }
}
