package io.rppg.adapter.signal.video;

import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;

/**
 * Pictures made in memory the way the decoder hands them over: 8-bit 4:2:0 planes in native memory, each row padded
 * to a stride wider than the picture (with bright bytes that no reader may take for picture).
 */
public final class YuvPictures {

    /** Red, green and blue (0-255) of an upright pixel. */
    @FunctionalInterface
    public interface Painter {
        void paint(int x, int y, double[] rgb);
    }

    /** A code value per pixel of a plane. */
    @FunctionalInterface
    public interface Plane {
        int at(int x, int y);
    }

    private YuvPictures() {
    }

    /** An upright full-range BT.601 picture of the painted colours. */
    public static YuvPicture painted(int width, int height, Painter painter) {
        return stored(Orientation.UPRIGHT, width, height, painter);
    }

    /**
     * The picture a phone stores for an upright scene of {@code uprightWidth} x {@code uprightHeight} that players
     * turn by {@code orientation}: full-range BT.601, each chroma sample the mean of the pixels it covers.
     */
    public static YuvPicture stored(Orientation orientation, int uprightWidth, int uprightHeight, Painter painter) {
        int width = orientation.swapsAxes() ? uprightHeight : uprightWidth;
        int height = orientation.swapsAxes() ? uprightWidth : uprightHeight;
        double[][] y = new double[height][width];
        double[][] cb = new double[height][width];
        double[][] cr = new double[height][width];
        double[] rgb = new double[3];
        for (int ys = 0; ys < height; ys++) {
            for (int xs = 0; xs < width; xs++) {
                int[] upright = upright(orientation, xs, ys, width, height);
                painter.paint(upright[0], upright[1], rgb);
                double luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
                y[ys][xs] = luma;
                cb[ys][xs] = 128 + (rgb[2] - luma) / 1.772;
                cr[ys][xs] = 128 + (rgb[0] - luma) / 1.402;
            }
        }
        return of(width, height, ColourMatrix.BT601_FULL,
                (x, row) -> code(y[row][x]),
                (x, row) -> code(mean(cb, 2 * x, 2 * row)),
                (x, row) -> code(mean(cr, 2 * x, 2 * row)));
    }

    /**
     * A picture of raw code values: {@code luma} per pixel, {@code cb} and {@code cr} per chroma sample (half the
     * width and height).
     */
    public static YuvPicture of(int width, int height, ColourMatrix matrix, Plane luma, Plane cb, Plane cr) {
        YuvPicture picture = new YuvPicture();
        picture.width = width;
        picture.height = height;
        picture.chromaShiftX = 1;
        picture.chromaShiftY = 1;
        picture.matrix = matrix;
        int[] widths = {width, (width + 1) / 2, (width + 1) / 2};
        int[] heights = {height, (height + 1) / 2, (height + 1) / 2};
        Plane[] planes = {luma, cb, cr};
        for (int p = 0; p < 3; p++) {
            int stride = (widths[p] + 32) / 32 * 32 + 32;
            // Java's own direct memory, held by the picture's planes, so that it lives as long as the picture.
            ByteBuffer buffer = ByteBuffer.allocateDirect(stride * heights[p]);
            for (int row = 0; row < heights[p]; row++) {
                for (int x = 0; x < stride; x++) {
                    buffer.put(row * stride + x, (byte) (x < widths[p] ? planes[p].at(x, row) : 255));
                }
            }
            picture.strides[p] = stride;
            picture.planes[p] = buffer;
            if (p == 0) {
                picture.lumaPointer = new BytePointer(buffer);
            }
        }
        return picture;
    }

    /** Mean full-range luma of the whole picture, from its luma plane. */
    public static double meanLuma(YuvPicture picture) {
        double sum = 0;
        for (int row = 0; row < picture.height(); row++) {
            for (int x = 0; x < picture.width(); x++) {
                sum += picture.plane(0).get(row * picture.stride(0) + x) & 0xFF;
            }
        }
        return picture.matrix().luma(sum / picture.width() / picture.height());
    }

    /** Which upright pixel a stored pixel shows: the inverse of {@link Orientation#toStored}. */
    private static int[] upright(Orientation orientation, int xs, int ys, int width, int height) {
        return switch (orientation) {
            case UPRIGHT -> new int[]{xs, ys};
            case CLOCKWISE_90 -> new int[]{height - 1 - ys, xs};
            case UPSIDE_DOWN -> new int[]{width - 1 - xs, height - 1 - ys};
            case CLOCKWISE_270 -> new int[]{ys, width - 1 - xs};
        };
    }

    private static double mean(double[][] plane, int x, int y) {
        double sum = 0;
        int n = 0;
        for (int dy = 0; dy < 2 && y + dy < plane.length; dy++) {
            for (int dx = 0; dx < 2 && x + dx < plane[0].length; dx++) {
                sum += plane[y + dy][x + dx];
                n++;
            }
        }
        return sum / n;
    }

    private static int code(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
