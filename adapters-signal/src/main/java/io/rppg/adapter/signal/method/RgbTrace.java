package io.rppg.adapter.signal.method;

/** Mean skin colour per sample at a uniform sample rate: what every rPPG method takes in. */
public record RgbTrace(double[] red, double[] green, double[] blue, double sampleRate) {

    public RgbTrace {
        if (red.length != green.length || green.length != blue.length) {
            throw new IllegalArgumentException("the three channels must have the same length");
        }
    }

    public int length() {
        return green.length;
    }
}
