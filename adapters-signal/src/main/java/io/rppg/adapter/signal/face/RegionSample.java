package io.rppg.adapter.signal.face;

/**
 * The skin of one region in one picture.
 *
 * @param red        mean red of the accepted points, 0-255 (NaN when none was accepted)
 * @param green      mean green, 0-255
 * @param blue       mean blue, 0-255
 * @param luma       mean full-range luma of the accepted points
 * @param skinPoints how many points passed the skin colour and brightness tests
 * @param points     how many points of the region lie inside the picture
 * @param clipped    how many of those are blown out or black, whatever their colour
 */
public record RegionSample(double red, double green, double blue, double luma, int skinPoints, int points,
                           int clipped) {

    static RegionSample empty(int points, int clipped) {
        return new RegionSample(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, points, clipped);
    }

    /** Share of the region's points that are skin: falls when a hand, hair or the picture's edge covers it. */
    public double skinShare() {
        return points == 0 ? 0 : (double) skinPoints / points;
    }

    public double clippedShare() {
        return points == 0 ? 0 : (double) clipped / points;
    }
}
