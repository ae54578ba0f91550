package io.rppg.adapter.signal.method;

/**
 * A pulse signal and the method that made it, as reported with the vitals.
 *
 * @param method the method's name; {@code auto} adds the candidate it kept, as in {@code auto:pos}
 * @param signal rises with blood volume, at the trace's rate; its scale is arbitrary
 */
public record Pulse(String method, double[] signal) {
}
