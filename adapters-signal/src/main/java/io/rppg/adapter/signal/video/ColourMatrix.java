package io.rppg.adapter.signal.video;

/**
 * Turns mean Y, Cb, Cr into mean R, G, B. The conversion is affine, so the mean of converted pixels equals the
 * conversion of the mean: the engine averages the planes FFmpeg decoded and converts once per region.
 */
public enum ColourMatrix {
    BT601_LIMITED(255.0 / 219, 255.0 / 224, 0.299, 0.114, 16),
    BT601_FULL(1, 1, 0.299, 0.114, 0),
    BT709_LIMITED(255.0 / 219, 255.0 / 224, 0.2126, 0.0722, 16),
    BT709_FULL(1, 1, 0.2126, 0.0722, 0),
    BT2020_LIMITED(255.0 / 219, 255.0 / 224, 0.2627, 0.0593, 16),
    BT2020_FULL(1, 1, 0.2627, 0.0593, 0);

    private final double lumaScale;
    private final double crToRed;
    private final double cbToGreen;
    private final double crToGreen;
    private final double cbToBlue;
    private final double black;

    ColourMatrix(double lumaScale, double chromaScale, double kr, double kb, double black) {
        this.lumaScale = lumaScale;
        this.black = black;
        double kg = 1 - kr - kb;
        crToRed = chromaScale * 2 * (1 - kr);
        cbToBlue = chromaScale * 2 * (1 - kb);
        cbToGreen = chromaScale * 2 * (1 - kb) * kb / kg;
        crToGreen = chromaScale * 2 * (1 - kr) * kr / kg;
    }

    /** The colour standards a video may be tagged with; each has its own luma weights. */
    public enum Standard { BT601, BT709, BT2020 }

    public static ColourMatrix of(Standard standard, boolean fullRange) {
        return switch (standard) {
            case BT601 -> fullRange ? BT601_FULL : BT601_LIMITED;
            case BT709 -> fullRange ? BT709_FULL : BT709_LIMITED;
            case BT2020 -> fullRange ? BT2020_FULL : BT2020_LIMITED;
        };
    }

    /** Luma on the 0-255 scale of full-range video. */
    public double luma(double y) {
        return (y - black) * lumaScale;
    }

    public double red(double y, double cb, double cr) {
        return luma(y) + crToRed * (cr - 128);
    }

    public double green(double y, double cb, double cr) {
        return luma(y) - cbToGreen * (cb - 128) - crToGreen * (cr - 128);
    }

    public double blue(double y, double cb, double cr) {
        return luma(y) + cbToBlue * (cb - 128);
    }
}
