package io.rppg.adapter.signal.video;

/**
 * How the stored picture must be turned, clockwise, to stand upright, from the display matrix of the stream.
 * Phones store portrait video as landscape frames and record the turn in the metadata.
 */
public enum Orientation {
    UPRIGHT, CLOCKWISE_90, UPSIDE_DOWN, CLOCKWISE_270;

    /**
     * @param displayRotation FFmpeg's display rotation in degrees (counter-clockwise, as {@code av_display_rotation_get}
     *                        reports it); players turn the picture clockwise by its negation
     */
    public static Orientation fromDisplayRotation(double displayRotation) {
        if (Double.isNaN(displayRotation)) {
            return UPRIGHT;
        }
        long clockwise = Math.floorMod(Math.round(-displayRotation / 90.0), 4);
        return values()[(int) clockwise];
    }

    public boolean swapsAxes() {
        return this == CLOCKWISE_90 || this == CLOCKWISE_270;
    }

    /** Maps an upright rectangle back into the stored picture of the given stored size. */
    public Box toStored(Box upright, int storedWidth, int storedHeight) {
        return switch (this) {
            case UPRIGHT -> upright;
            // Upright (x, y) shows stored (y, H - 1 - x) after a clockwise turn of 90 degrees.
            case CLOCKWISE_90 -> new Box(upright.y(), storedHeight - upright.x() - upright.width(),
                    upright.height(), upright.width());
            case UPSIDE_DOWN -> new Box(storedWidth - upright.x() - upright.width(),
                    storedHeight - upright.y() - upright.height(), upright.width(), upright.height());
            case CLOCKWISE_270 -> new Box(storedWidth - upright.y() - upright.height(), upright.x(),
                    upright.height(), upright.width());
        };
    }

    /**
     * Maps an upright point back into the stored picture of the given stored size, into {@code out} (x, y): called
     * for every sampled point, so it allocates nothing.
     */
    public void toStoredPoint(double x, double y, int storedWidth, int storedHeight, double[] out) {
        switch (this) {
            case UPRIGHT -> {
                out[0] = x;
                out[1] = y;
            }
            case CLOCKWISE_90 -> {
                out[0] = y;
                out[1] = storedHeight - x;
            }
            case UPSIDE_DOWN -> {
                out[0] = storedWidth - x;
                out[1] = storedHeight - y;
            }
            case CLOCKWISE_270 -> {
                out[0] = storedWidth - y;
                out[1] = x;
            }
        }
    }
}
