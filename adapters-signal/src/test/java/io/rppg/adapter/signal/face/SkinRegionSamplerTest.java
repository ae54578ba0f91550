package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Skin in raw code values: luma 150 and chroma Cb 110, Cr 150, well inside the skin range at that brightness. */
class SkinRegionSamplerTest {

    private static final int SKIN_CB = 110;
    private static final int SKIN_CR = 150;
    private static final ColourMatrix MATRIX = ColourMatrix.BT709_LIMITED;
    /** 80 x 60 pixels around (80, 70), upright. */
    private static final SkinRegion REGION = new SkinRegion("cheek", 80, 70, 1, 0, 40, 30);

    private final SkinRegionSampler sampler = new SkinRegionSampler();

    @Test
    void theMeanColourOfEvenSkinIsItsColour() {
        YuvPicture skin = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150, (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);

        RegionSample sample = sampler.sample(skin, Orientation.UPRIGHT, REGION, Double.NaN);

        assertThat(sample.skinShare()).isEqualTo(1.0);
        assertThat(sample.points()).isBetween(500, 800);
        assertThat(sample.red()).isCloseTo(MATRIX.red(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.green()).isCloseTo(MATRIX.green(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.blue()).isCloseTo(MATRIX.blue(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.luma()).isCloseTo(MATRIX.luma(150), within(1e-9));
    }

    /** Chroma outside the skin range (a grey wall, Cb = Cr = 128) is not skin: nothing to average. */
    @Test
    void whatIsNotSkinIsNotCounted() {
        YuvPicture grey = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150, (x, y) -> 128, (x, y) -> 128);

        RegionSample sample = sampler.sample(grey, Orientation.UPRIGHT, REGION, Double.NaN);

        assertThat(sample.skinPoints()).isZero();
        assertThat(sample.points()).isPositive();
        assertThat(sample.red()).isNaN();
    }

    /**
     * Brows (luma 60) and glare (luma 250) in the region have skin chroma, but their brightness is far from the
     * skin's usual brightness: they fall out and the mean stays the skin's; glare counts as blown out.
     */
    @Test
    void browsAndGlareFallOutAgainstTheUsualBrightness() {
        YuvPicture browsAndGlare = YuvPictures.of(160, 120, MATRIX,
                (x, y) -> y >= 40 && y < 52 ? 60 : y >= 88 && y < 100 ? 250 : 150,
                (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);

        RegionSample sample = sampler.sample(browsAndGlare, Orientation.UPRIGHT, REGION, MATRIX.luma(150));

        assertThat(sample.skinShare()).isCloseTo(36.0 / 60, within(0.05));
        assertThat(sample.clippedShare()).isCloseTo(12.0 / 60, within(0.05));
        assertThat(sample.luma()).isCloseTo(MATRIX.luma(150), within(1e-9));
    }

    /** A region tilted by 45 degrees reads the skin under its turned outline, not its upright bounding box. */
    @Test
    void aTurnedRegionIsSampledAlongItsOwnAxes() {
        double c = Math.sqrt(0.5);
        SkinRegion diagonal = new SkinRegion("tilted", 80, 60, c, c, 50, 6);
        // Skin only along a diagonal band 17 px either side of the region's axis; grey elsewhere.
        YuvPicture band = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150,
                (x, y) -> Math.abs(2 * x - 2 * y - 20) < 24 ? SKIN_CB : 128,
                (x, y) -> Math.abs(2 * x - 2 * y - 20) < 24 ? SKIN_CR : 128);

        RegionSample sample = sampler.sample(band, Orientation.UPRIGHT, diagonal, Double.NaN);

        assertThat(sample.skinShare()).isGreaterThan(0.9);
    }

    /** Skin on the left half, grey wall on the right: a box across the middle is half skin. */
    @Test
    void skinShareIsTheShareOfSkinChromaInTheMiddleOfTheBox() {
        YuvPicture half = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150,
                (x, y) -> x < 40 ? SKIN_CB : 128, (x, y) -> x < 40 ? SKIN_CR : 128);

        assertThat(SkinRegionSampler.skinShare(half, new Box(30, 20, 100, 80))).isCloseTo(0.5, within(0.05));
        assertThat(SkinRegionSampler.skinShare(half, new Box(0, 20, 70, 80))).isEqualTo(1.0);
        assertThat(SkinRegionSampler.skinShare(half, new Box(90, 20, 70, 80))).isZero();
    }
}
