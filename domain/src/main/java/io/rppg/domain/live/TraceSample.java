package io.rppg.domain.live;

/**
 * The mean colour of the skin at one instant, as an SDK that finds the face on the device sends it.
 *
 * @param millis time since the stream began, in milliseconds
 * @param red    mean red, 0-255
 */
public record TraceSample(double millis, double red, double green, double blue) {

    public TraceSample {
        if (!Double.isFinite(millis) || millis < 0 || millis > 24 * 3600_000.0) {
            throw new IllegalArgumentException("a sample's time must be between 0 and 24 h in milliseconds");
        }
        for (double channel : new double[]{red, green, blue}) {
            if (!Double.isFinite(channel) || channel < 0 || channel > 255) {
                throw new IllegalArgumentException("a sample's colour channels must be between 0 and 255");
            }
        }
    }
}
