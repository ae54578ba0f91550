package io.rppg.adapter.signal.face;

import java.util.List;

/**
 * The mean colour of the skin pixels of one picture.
 *
 * @param red    mean red, 0-255
 * @param green  mean green, 0-255
 * @param blue   mean blue, 0-255
 * @param luma   mean full-range luma of the accepted pixels
 * @param pixels how many pixels passed the skin and exposure tests
 * @param steps  each region's part in this picture's change of the colour, in the regions' order (forehead, right
 *               cheek, left cheek)
 */
public record SkinSample(double red, double green, double blue, double luma, int pixels, List<RegionStep> steps) {

    public SkinSample {
        steps = List.copyOf(steps);
    }
}
