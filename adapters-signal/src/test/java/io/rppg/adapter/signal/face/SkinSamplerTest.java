package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Skin in raw code values: luma 150 and chroma Cb 110, Cr 150, well inside the skin range (Cb 77-127, Cr 133-173). */
class SkinSamplerTest {

    private static final int SKIN_CB = 110;
    private static final int SKIN_CR = 150;
    private static final ColourMatrix MATRIX = ColourMatrix.BT709_LIMITED;
    /** 80 x 60 pixels: 1200 chroma samples, fewer than the sampler thins out, so every pixel counts. */
    private static final List<Box> REGIONS = List.of(new Box(40, 40, 80, 60));

    @Test
    void theMeanColourOfEvenSkinIsItsColour() {
        YuvPicture skin = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150, (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);

        SkinSample sample = new SkinSampler().sample(skin, REGIONS);

        assertThat(sample.pixels()).isEqualTo(80 * 60);
        assertThat(sample.red()).isCloseTo(MATRIX.red(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.green()).isCloseTo(MATRIX.green(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.blue()).isCloseTo(MATRIX.blue(150, SKIN_CB, SKIN_CR), within(1e-9));
        assertThat(sample.luma()).isCloseTo(MATRIX.luma(150), within(1e-9));
    }

    /** Chroma outside the skin range (a grey wall, Cb = Cr = 128) is not skin: nothing to average. */
    @Test
    void whatIsNotSkinIsNotCounted() {
        YuvPicture grey = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150, (x, y) -> 128, (x, y) -> 128);

        SkinSample sample = new SkinSampler().sample(grey, REGIONS);

        assertThat(sample.pixels()).isZero();
        assertThat(sample.red()).isNaN();
    }

    /**
     * Brows (luma 60) and glare (luma 250) in the region have skin chroma, but their brightness is far from the
     * skin's usual brightness: once that is known they fall out, and the mean stays the skin's.
     */
    @Test
    void browsAndGlareFallOutOnceTheUsualBrightnessIsKnown() {
        YuvPicture skin = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150, (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);
        YuvPicture browsAndGlare = YuvPictures.of(160, 120, MATRIX,
                (x, y) -> y >= 40 && y < 52 ? 60 : y >= 88 && y < 100 ? 250 : 150,
                (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);
        SkinSampler sampler = new SkinSampler();
        sampler.sample(skin, REGIONS);

        SkinSample sample = sampler.sample(browsAndGlare, REGIONS);

        assertThat(sample.pixels()).isEqualTo(80 * (60 - 12 - 12));
        assertThat(sample.luma()).isCloseTo(MATRIX.luma(150), within(1e-9));
        assertThat(sample.green()).isCloseTo(MATRIX.green(150, SKIN_CB, SKIN_CR), within(1e-9));
    }

    /**
     * The first picture has no usual brightness yet: it is measured once with its brows in, and again against the
     * brightness that gave, so it matches the pictures that follow instead of standing out at the start.
     */
    @Test
    void theFirstPictureIsMeasuredAgainWithoutItsBrows() {
        YuvPicture withBrows = YuvPictures.of(160, 120, MATRIX, (x, y) -> y >= 40 && y < 52 ? 60 : 150,
                (x, y) -> SKIN_CB, (x, y) -> SKIN_CR);

        SkinSample sample = new SkinSampler().sample(withBrows, REGIONS);

        assertThat(sample.pixels()).isEqualTo(80 * 48);
        assertThat(sample.luma()).isCloseTo(MATRIX.luma(150), within(1e-9));
    }

    /** Skin on the left half, grey wall on the right: a box across the middle is half skin. */
    @Test
    void skinShareIsTheShareOfSkinChromaInTheMiddleOfTheBox() {
        YuvPicture half = YuvPictures.of(160, 120, MATRIX, (x, y) -> 150,
                (x, y) -> x < 40 ? SKIN_CB : 128, (x, y) -> x < 40 ? SKIN_CR : 128);

        assertThat(SkinSampler.skinShare(half, new Box(30, 20, 100, 80))).isCloseTo(0.5, within(0.05));
        assertThat(SkinSampler.skinShare(half, new Box(0, 20, 70, 80))).isEqualTo(1.0);
        assertThat(SkinSampler.skinShare(half, new Box(90, 20, 70, 80))).isZero();
    }

    /** The forehead lies above the cheeks, both inside the face's width. */
    @Test
    void skinRegionsLieOnForeheadAndCheeks() {
        Box face = new Box(100, 50, 120, 120);

        List<Box> regions = SkinSampler.regionsOf(face);

        assertThat(regions).hasSize(2);
        Box forehead = regions.get(0);
        Box cheeks = regions.get(1);
        assertThat(forehead.y() + forehead.height()).isLessThanOrEqualTo(cheeks.y());
        for (Box region : regions) {
            assertThat(region.x()).isGreaterThanOrEqualTo(face.x());
            assertThat(region.x() + region.width()).isLessThanOrEqualTo(face.x() + face.width());
        }
    }
}
