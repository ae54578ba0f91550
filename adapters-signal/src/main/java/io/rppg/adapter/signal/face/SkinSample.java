package io.rppg.adapter.signal.face;

/**
 * The mean colour of the skin pixels of one picture.
 *
 * @param red    mean red, 0-255
 * @param green  mean green, 0-255
 * @param blue   mean blue, 0-255
 * @param luma   mean full-range luma of the accepted pixels
 * @param pixels how many pixels passed the skin and exposure tests
 */
public record SkinSample(double red, double green, double blue, double luma, int pixels) {
}
