package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A face that is a pattern of horizontal bands (brow, eyes, nose, mouth as a luma profile down the face), moved up
 * and down by known amounts, sub-pixel ones included.
 */
class VerticalMotionTest {

    /** The upright face box: 100 pixels high, so the search margin is 33 pixels either way. */
    private static final Box FACE = new Box(110, 70, 100, 100);

    /** The profile sums every other byte of a row eight at a time; the sum must be the byte-by-byte one. */
    @Test
    void eightBytesAtOnceSumTheirEvenBytesInEitherOrder() {
        java.util.Random random = new java.util.Random(7);
        byte[] bytes = new byte[8];
        for (int trial = 0; trial < 1000; trial++) {
            random.nextBytes(bytes);
            if (trial == 0) {
                java.util.Arrays.fill(bytes, (byte) 0xFF);
            }
            long expected = 0;
            for (int i = 0; i < 8; i += 2) {
                expected += bytes[i] & 0xFF;
            }
            for (java.nio.ByteOrder order : new java.nio.ByteOrder[]{java.nio.ByteOrder.BIG_ENDIAN,
                    java.nio.ByteOrder.LITTLE_ENDIAN}) {
                long word = java.nio.ByteBuffer.wrap(bytes).order(order).getLong(0);
                assertThat(VerticalMotion.evenByteSum(word, order == java.nio.ByteOrder.BIG_ENDIAN))
                        .as("%s in %s", java.util.Arrays.toString(bytes), order).isEqualTo(expected);
            }
        }
    }

    @Test
    void followsTheFaceDownAndUpToATenthOfAPixel() {
        VerticalMotion motion = new VerticalMotion();
        double[] moves = {0, 1, 2.5, 4.2, 3, -1.5, -6.75, 0};

        for (double down : moves) {
            double position = motion.measure(uprightPictureMovedDownBy(down), FACE, Orientation.UPRIGHT);
            assertThat(position).as("moved down by %s", down).isCloseTo(down, within(0.1));
        }
    }

    /**
     * A head that leaves the margin (0.8 of 33 pixels) is given a new reference, and the position carries on from
     * where it was instead of starting again at 0.
     */
    @Test
    void aNewReferenceCarriesThePositionOver() {
        VerticalMotion motion = new VerticalMotion();
        double[] moves = {0, 10, 20, 28, 31.5, 35};

        for (double down : moves) {
            double position = motion.measure(uprightPictureMovedDownBy(down), FACE, Orientation.UPRIGHT);
            assertThat(position).as("moved down by %s", down).isCloseTo(down, within(0.15));
        }
    }

    /** Phones store portrait video turned: down is measured in the upright picture, whatever the stored axes. */
    @ParameterizedTest
    @EnumSource(Orientation.class)
    void downIsUprightDownWhateverTheTurn(Orientation orientation) {
        VerticalMotion motion = new VerticalMotion();
        Box stored = orientation.toStored(FACE, storedWidth(orientation), storedHeight(orientation));

        motion.measure(pictureMovedDownBy(orientation, 0), stored, orientation);
        double position = motion.measure(pictureMovedDownBy(orientation, 3.5), stored, orientation);

        assertThat(position).isCloseTo(3.5, within(0.1));
    }

    private static YuvPicture uprightPictureMovedDownBy(double down) {
        return pictureMovedDownBy(Orientation.UPRIGHT, down);
    }

    /** The 320 x 240 upright scene moved down by {@code down} pixels, stored as the orientation says. */
    private static YuvPicture pictureMovedDownBy(Orientation orientation, double down) {
        int width = storedWidth(orientation);
        int height = storedHeight(orientation);
        return YuvPictures.of(width, height, ColourMatrix.BT601_FULL,
                (x, y) -> (int) Math.round(band(uprightRow(orientation, x, y, width, height) - down)),
                (x, y) -> 110, (x, y) -> 150);
    }

    /** The upright row a stored pixel shows (see {@link Orientation#toStored}). */
    private static double uprightRow(Orientation orientation, int x, int y, int width, int height) {
        return switch (orientation) {
            case UPRIGHT -> y;
            case CLOCKWISE_90 -> x;
            case UPSIDE_DOWN -> height - 1 - y;
            case CLOCKWISE_270 -> width - 1 - x;
        };
    }

    /** Luma down the face: no two stretches within the search margin alike. */
    private static double band(double row) {
        return 90 + 0.3 * row + 40 * Math.sin(row / 7.3) + 25 * Math.sin(row / 3.1 + 1);
    }

    private static int storedWidth(Orientation orientation) {
        return orientation.swapsAxes() ? 240 : 320;
    }

    private static int storedHeight(Orientation orientation) {
        return orientation.swapsAxes() ? 320 : 240;
    }
}
