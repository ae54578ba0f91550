package io.rppg.adapter.signal.face;

/**
 * What one skin region added to the joined colour in one picture: its change since the picture before, in the
 * joined colour's units (its own reference colour's shares, scaled as the joined colour is), and the weight it was
 * joined with. The joined colour moves by the weighted mean of its members' steps, so these let the regions be
 * joined again with other weights ({@code RegionWeighting}).
 *
 * @param weight how much the region counted in this picture's step; 0 when it was not in the join, or had no
 *               colour in the picture before
 */
public record RegionStep(double weight, double red, double green, double blue) {

    /** A region that gave no step in this picture. */
    public static final RegionStep NONE = new RegionStep(0, 0, 0, 0);

    public RegionStep {
        if (!(weight >= 0) || !Double.isFinite(weight) || !Double.isFinite(red) || !Double.isFinite(green)
                || !Double.isFinite(blue)) {
            throw new IllegalArgumentException("a region step needs a finite weight of 0 or more and finite "
                    + "steps: " + weight + ", " + red + ", " + green + ", " + blue);
        }
    }
}
