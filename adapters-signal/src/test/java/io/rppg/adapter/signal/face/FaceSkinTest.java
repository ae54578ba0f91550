package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The joined skin colour of a still face whose regions are changed one at a time: what the camera does to all of
 * them is stitched, what happens to one region takes it out until it is clean again, and the colour stays level
 * throughout (no step that band-passing would turn into a burst of false pulse).
 */
class FaceSkinTest {

    private static final double FPS = 30;
    private static final ColourMatrix MATRIX = ColourMatrix.BT601_FULL;
    private final Face face = SkinRegionTest.uprightFace();
    private final SkinRegion rightCheek = SkinRegion.of(face).get(1);
    private final FaceSkin skin = new FaceSkin();

    @Test
    void anExposureStepOfTheWholePictureIsStitched() {
        YuvPicture before = picture(150, 150, true);
        YuvPicture after = picture(165, 165, true);

        double level = run(before, 0, 30).green();
        SkinSample stepped = run(after, 30, 60);

        assertThat(skin.exposureSteps()).isEqualTo(1);
        assertThat(stepped.green()).isCloseTo(level, within(0.003 * level));
        assertThat(skin.regionsInUse()).containsExactly("forehead", "right cheek", "left cheek");
    }

    @Test
    void aHandOverOneCheekTakesItOutUntilItIsCleanAgain() {
        YuvPicture calm = picture(150, 150, true);
        YuvPicture hand = picture(150, 180, true);

        double level = run(calm, 0, 30).green();
        SkinSample covered = run(hand, 30, 31);
        assertThat(skin.regionsInUse()).containsExactly("forehead", "left cheek");
        assertThat(covered.green()).isCloseTo(level, within(0.003 * level));

        run(hand, 31, 60);
        assertThat(skin.regionsInUse()).doesNotContain("right cheek");
        SkinSample back = run(calm, 60, 150);

        assertThat(skin.regionsInUse()).containsExactly("forehead", "right cheek", "left cheek");
        assertThat(back.green()).isCloseTo(level, within(0.003 * level));
        assertThat(skin.exposureSteps()).isZero();
    }

    @Test
    void anOccludedCheekIsLeftOutAndTheLevelHolds() {
        YuvPicture calm = picture(150, 150, true);
        YuvPicture covered = picture(150, 150, false);

        SkinSample whole = run(calm, 0, 30);
        SkinSample without = run(covered, 30, 60);

        assertThat(skin.regionsInUse()).containsExactly("forehead", "left cheek");
        assertThat(without.green()).isCloseTo(whole.green(), within(0.003 * whole.green()));
        assertThat(without.pixels()).isLessThan(whole.pixels());
    }

    /**
     * Each picture's change of the joined colour is the weighted mean of its members' steps, also while a region
     * leaves and comes back: the steps are what the colour can be joined again from with other weights.
     */
    @Test
    void theRegionsStepsAddUpToTheJoinedColour() {
        SkinSample last = null;
        int checked = 0;
        for (int n = 0; n < 150; n++) {
            boolean handOver = n >= 30 && n < 60;
            // A faint flicker of the whole face, so that every region steps in every picture.
            int luma = 150 + n % 2;
            SkinSample now = skin.sample(picture(luma, handOver ? 180 : luma, true), Orientation.UPRIGHT, face,
                    n / FPS);
            assertThat(now).as("picture %d", n).isNotNull();
            assertThat(now.steps()).hasSize(3);
            double weights = now.steps().stream().mapToDouble(RegionStep::weight).sum();
            if (last != null && weights > 0) {
                double red = 0, green = 0, blue = 0;
                for (RegionStep step : now.steps()) {
                    red += step.weight() * step.red() / weights;
                    green += step.weight() * step.green() / weights;
                    blue += step.weight() * step.blue() / weights;
                }
                assertThat(now.red() - last.red()).as("picture %d", n).isCloseTo(red, within(1e-9));
                assertThat(now.green() - last.green()).as("picture %d", n).isCloseTo(green, within(1e-9));
                assertThat(now.blue() - last.blue()).as("picture %d", n).isCloseTo(blue, within(1e-9));
                checked++;
            }
            if (n == 45) {
                assertThat(now.steps().get(1).weight()).as("the covered cheek gives no step").isZero();
            }
            last = now;
        }
        assertThat(checked).isEqualTo(149);
    }

    /** Samples pictures {@code from} to {@code to} (exclusive) of the same picture; the last sample. */
    private SkinSample run(YuvPicture picture, int from, int to) {
        SkinSample last = null;
        for (int n = from; n < to; n++) {
            last = skin.sample(picture, Orientation.UPRIGHT, face, n / FPS);
            assertThat(last).as("picture %d", n).isNotNull();
        }
        return last;
    }

    /**
     * Skin chroma everywhere (except the right cheek when it is not {@code cheekIsSkin}), luma {@code luma}, and
     * {@code cheekLuma} on the right cheek.
     */
    private YuvPicture picture(int luma, int cheekLuma, boolean cheekIsSkin) {
        return YuvPictures.of(320, 240, MATRIX,
                (x, y) -> inRightCheek(x, y) ? cheekLuma : luma,
                (x, y) -> !cheekIsSkin && inRightCheek(2 * x, 2 * y) ? 128 : 110,
                (x, y) -> !cheekIsSkin && inRightCheek(2 * x, 2 * y) ? 128 : 150);
    }

    /** True inside the right cheek region, with a pixel's margin. */
    private boolean inRightCheek(int x, int y) {
        double dx = x - rightCheek.centreX();
        double dy = y - rightCheek.centreY();
        double across = dx * rightCheek.acrossX() + dy * rightCheek.acrossY();
        double down = -dx * rightCheek.acrossY() + dy * rightCheek.acrossX();
        return Math.abs(across) <= rightCheek.halfWidth() + 2 && Math.abs(down) <= rightCheek.halfHeight() + 2;
    }
}
