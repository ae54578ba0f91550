package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.ColourMatrix;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A region of a decoded picture as the detector network sees it: turned upright, shrunk until its longer side fits
 * the square input, centred with black bars on the short side (a portrait phone video keeps its proportions) and
 * converted to RGB scaled to [-1, 1], planar (1x3xSxS). Each plane is shrunk in OpenCV straight from the decoder's
 * buffers; only the small result is turned and converted, pixel by pixel, with the picture's own colour matrix.
 * Remembers how the input maps back onto the picture. Not thread-safe.
 */
final class LetterboxedInput implements AutoCloseable {

    /** Pictures darker than this mean luma (0-255) are brightened for the model, up to {@value #MAX_GAIN} times. */
    private static final double DIM_LUMA = 80;
    private static final double USUAL_LUMA = 110;
    private static final double MAX_GAIN = 4;

    private final int side;
    private final Mat tensor;
    private final float[] values;
    private final PlaneShrinker shrinker = new PlaneShrinker();
    private final Mat luma = new Mat();
    private final Mat cb = new Mat();
    private final Mat cr = new Mat();
    private byte[] lumaBytes = new byte[0];
    private byte[] cbBytes = new byte[0];
    private byte[] crBytes = new byte[0];
    private Box shown;
    private int contentWidth;
    private int contentHeight;
    private int padX;
    private int padY;

    LetterboxedInput(int side) {
        this.side = side;
        this.tensor = new Mat(new int[]{1, 3, side, side}, opencv_core.CV_32F);
        this.values = new float[3 * side * side];
    }

    /**
     * Fills the input with the upright {@code region} of the picture (clipped to it) and returns the input tensor,
     * valid until the next call.
     */
    Mat fill(YuvPicture picture, Orientation orientation, Box region) {
        int storedWidth = picture.width();
        int storedHeight = picture.height();
        int uprightWidth = UprightBoxes.uprightWidth(orientation, storedWidth, storedHeight);
        int uprightHeight = UprightBoxes.uprightHeight(orientation, storedWidth, storedHeight);
        int x0 = (int) Math.max(0, Math.floor(region.x()));
        int y0 = (int) Math.max(0, Math.floor(region.y()));
        int x1 = (int) Math.min(uprightWidth, Math.ceil(region.x() + region.width()));
        int y1 = (int) Math.min(uprightHeight, Math.ceil(region.y() + region.height()));
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            throw new IllegalArgumentException("region " + region + " lies outside the picture");
        }
        Box stored = orientation.toStored(new Box(x0, y0, x1 - x0, y1 - y0), storedWidth, storedHeight);
        int longer = (int) Math.max(stored.width(), stored.height());
        int factor = Math.max(1, longer / side);
        // Sides in whole blocks of the factor, so that the shrunken planes map back onto the picture exactly.
        int cropWidth = (int) stored.width() - (int) stored.width() % factor;
        int cropHeight = (int) stored.height() - (int) stored.height() % factor;
        Box crop = new Box(stored.x(), stored.y(), cropWidth, cropHeight);
        shown = UprightBoxes.fromStored(orientation, crop, storedWidth, storedHeight);
        int cropLonger = Math.max(cropWidth, cropHeight);
        // Rounded down, so that a whole factor never overshoots the short side.
        int width = Math.max(1, Math.min(side, cropWidth * side / cropLonger));
        int height = Math.max(1, Math.min(side, cropHeight * side / cropLonger));
        shrinkPlanes(picture, crop, width, height, factor);
        contentWidth = orientation.swapsAxes() ? height : width;
        contentHeight = orientation.swapsAxes() ? width : height;
        padX = (side - contentWidth) / 2;
        padY = (side - contentHeight) / 2;
        writeValues(picture.matrix(), orientation, width, height);
        ((FloatBuffer) tensor.createBuffer()).put(values);
        return tensor;
    }

    private void shrinkPlanes(YuvPicture picture, Box crop, int width, int height, int factor) {
        int x = (int) crop.x();
        int y = (int) crop.y();
        int w = (int) crop.width();
        int h = (int) crop.height();
        try (Mat plane = new Mat(picture.height(), picture.width(), opencv_core.CV_8UC1, picture.lumaPointer(),
                picture.stride(0));
             Rect rect = new Rect(x, y, w, h);
             Mat part = new Mat(plane, rect)) {
            shrinker.shrink(part, luma, width, height, factor);
        }
        int sx = picture.chromaShiftX();
        int sy = picture.chromaShiftY();
        int chromaWidth = (picture.width() + (1 << sx) - 1) >> sx;
        int chromaHeight = (picture.height() + (1 << sy) - 1) >> sy;
        int cx0 = x >> sx;
        int cy0 = y >> sy;
        int cx1 = Math.min(chromaWidth, Math.max(cx0 + 1, (x + w) >> sx));
        int cy1 = Math.min(chromaHeight, Math.max(cy0 + 1, (y + h) >> sy));
        shrinkChroma(picture, 1, chromaHeight, new Rect(cx0, cy0, cx1 - cx0, cy1 - cy0), cb, width, height);
        shrinkChroma(picture, 2, chromaHeight, new Rect(cx0, cy0, cx1 - cx0, cy1 - cy0), cr, width, height);
        int count = width * height;
        if (lumaBytes.length < count) {
            lumaBytes = new byte[count];
            cbBytes = new byte[count];
            crBytes = new byte[count];
        }
        // The shrunken planes are continuous: their rows follow each other without padding.
        luma.data().get(lumaBytes, 0, count);
        cb.data().get(cbBytes, 0, count);
        cr.data().get(crBytes, 0, count);
    }

    private void shrinkChroma(YuvPicture picture, int index, int chromaHeight, Rect rect, Mat target, int width,
                              int height) {
        try (BytePointer pointer = new BytePointer(picture.plane(index));
             Mat plane = new Mat(chromaHeight, picture.stride(index), opencv_core.CV_8UC1, pointer,
                     picture.stride(index));
             rect;
             Mat part = new Mat(plane, rect)) {
            shrinker.shrink(part, target, width, height, PlaneShrinker.wholeFactor(part, width, height));
        }
    }

    /**
     * Turns the shrunken planes upright into the middle of the input, as RGB in [-1, 1]; black around them. A dim
     * picture is brightened first, as a camera's exposure would: the model was trained on well exposed faces and
     * misses a dark face in a dim room that it finds once the picture is brought up to a usual brightness.
     */
    private void writeValues(ColourMatrix matrix, Orientation orientation, int width, int height) {
        Arrays.fill(values, -1f);
        double gain = gainFor(matrix, width * height);
        int planeSize = side * side;
        for (int uy = 0; uy < contentHeight; uy++) {
            for (int ux = 0; ux < contentWidth; ux++) {
                int sx;
                int sy;
                switch (orientation) {
                    case UPRIGHT -> {
                        sx = ux;
                        sy = uy;
                    }
                    // Upright (x, y) shows stored (y, H - 1 - x) after a clockwise turn of 90 degrees.
                    case CLOCKWISE_90 -> {
                        sx = uy;
                        sy = height - 1 - ux;
                    }
                    case UPSIDE_DOWN -> {
                        sx = width - 1 - ux;
                        sy = height - 1 - uy;
                    }
                    default -> {
                        sx = width - 1 - uy;
                        sy = ux;
                    }
                }
                int i = sy * width + sx;
                double y = lumaBytes[i] & 0xFF;
                double u = cbBytes[i] & 0xFF;
                double v = crBytes[i] & 0xFF;
                int out = (uy + padY) * side + ux + padX;
                values[out] = scaled(gain * matrix.red(y, u, v));
                values[planeSize + out] = scaled(gain * matrix.green(y, u, v));
                values[2 * planeSize + out] = scaled(gain * matrix.blue(y, u, v));
            }
        }
    }

    /** 1 for a picture of usual brightness; for a dim one, what brings its mean luma to {@value #USUAL_LUMA}. */
    private double gainFor(ColourMatrix matrix, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += lumaBytes[i] & 0xFF;
        }
        double mean = count == 0 ? USUAL_LUMA : matrix.luma((double) sum / count);
        return mean >= DIM_LUMA ? 1 : Math.min(MAX_GAIN, USUAL_LUMA / Math.max(1, mean));
    }

    private static float scaled(double channel) {
        return (float) (Math.max(0, Math.min(255, channel)) / 127.5 - 1);
    }

    /** Where a point of the input, in fractions of its side, lies in the upright picture. */
    Landmark toPicture(double inputX, double inputY) {
        return new Landmark(shown.x() + (inputX * side - padX) * shown.width() / contentWidth,
                shown.y() + (inputY * side - padY) * shown.height() / contentHeight);
    }

    /** The upright part of the picture the input shows. */
    Box shown() {
        return shown;
    }

    @Override
    public void close() {
        tensor.close();
        shrinker.close();
        luma.close();
        cb.close();
        cr.close();
    }
}
