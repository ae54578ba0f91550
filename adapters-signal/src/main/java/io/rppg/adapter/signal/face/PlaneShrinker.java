package io.rppg.adapter.signal.face;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Shrinks an 8-bit plane by area averaging. Averaging by a whole factor takes OpenCV's fast path, while an
 * arbitrary factor costs several times more; so the plane is averaged down by a whole factor first and only the
 * rest (less than 2) is averaged in the slow way, on a plane a factor squared smaller. Not thread-safe.
 */
final class PlaneShrinker implements AutoCloseable {

    private final Mat coarse = new Mat();

    /** The largest whole factor by which {@code source} can shrink without getting smaller than the given size. */
    static int wholeFactor(Mat source, int width, int height) {
        return Math.max(1, Math.min(source.cols() / width, source.rows() / height));
    }

    /**
     * Shrinks {@code source} into {@code target} of the given size (or enlarges it, should it be smaller). The last
     * columns and rows that do not fill a whole block of {@code factor} are left out; a caller that maps positions
     * back exactly passes a source whose sides are multiples of the factor.
     */
    void shrink(Mat source, Mat target, int width, int height, int factor) {
        if (factor < 2) {
            boolean smaller = width <= source.cols() && height <= source.rows();
            opencv_imgproc.resize(source, target, new Size(width, height), 0, 0,
                    smaller ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            return;
        }
        int cols = source.cols() - source.cols() % factor;
        int rows = source.rows() - source.rows() % factor;
        try (Rect whole = new Rect(0, 0, cols, rows); Mat blocks = new Mat(source, whole)) {
            opencv_imgproc.resize(blocks, coarse, new Size(cols / factor, rows / factor), 0, 0,
                    opencv_imgproc.INTER_AREA);
        }
        if (coarse.cols() == width && coarse.rows() == height) {
            coarse.copyTo(target);
            return;
        }
        opencv_imgproc.resize(coarse, target, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
    }

    @Override
    public void close() {
        coarse.close();
    }
}
