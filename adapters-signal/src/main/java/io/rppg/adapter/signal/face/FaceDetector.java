package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds frontal faces with OpenCV's LBP cascade on a shrunken, upright copy of the luma plane. The classic LBP
 * model is used rather than the "improved" one because it also finds faces of dark skin against a bright room.
 * Not thread-safe: each analysis uses its own detector.
 */
public final class FaceDetector implements AutoCloseable {

    /** The longest side of the picture the cascade sees; faces that fill a phone video stay well above its minimum. */
    private static final int DETECTION_SIDE = 320;
    private static final double MIN_FACE_FRACTION = 0.12;
    /** A held face is searched for at about this width in pixels: enough for the cascade's 24-pixel model. */
    private static final double TRACKED_FACE_SIDE = 44;

    private static volatile File cascadeFile;

    private final CascadeClassifier cascade;
    private final Mat small = new Mat();
    private final Mat coarse = new Mat();
    private final Mat upright = new Mat();
    private final Mat equalised = new Mat();
    private final RectVector found = new RectVector();
    private double sceneLuma = Double.NaN;

    static {
        // The pictures searched are tiny; OpenCV's thread pool costs more than it saves there and competes with
        // FFmpeg's decoding threads. Parallelism comes from analysing several videos at once instead.
        opencv_core.setNumThreads(1);
    }

    public FaceDetector() {
        cascade = new CascadeClassifier(cascadeFile().getAbsolutePath());
        if (cascade.empty()) {
            throw new IllegalStateException("the face cascade could not be loaded from " + cascadeFile);
        }
    }

    private static File cascadeFile() {
        if (cascadeFile == null) {
            try {
                cascadeFile = Loader.cacheResource("/org/bytedeco/opencv/" + Loader.getPlatform()
                        + "/share/opencv4/lbpcascades/lbpcascade_frontalface.xml");
            } catch (IOException e) {
                throw new UncheckedIOException("the face cascade is missing from the OpenCV package", e);
            }
        }
        return cascadeFile;
    }

    /** Faces anywhere in the picture, in upright coordinates (after the orientation's turn) at full scale. */
    public List<Box> detect(YuvPicture picture, Orientation orientation) {
        double scale = Math.min(1.0, (double) DETECTION_SIDE / Math.max(picture.width(), picture.height()));
        try (Mat luma = lumaOf(picture)) {
            sceneLuma = picture.matrix().luma(opencv_core.mean(luma).get(0));
            int minSide = (int) Math.round(MIN_FACE_FRACTION * Math.min(picture.width(), picture.height()) * scale);
            return search(luma, orientation, scale, minSide, 0, new Box(0, 0, 0, 0), 1.1);
        }
    }

    /**
     * Faces of about the size of {@code near}, searched only around it: a small crop is far cheaper than the
     * whole picture, so a held face is re-detected in about a millisecond.
     */
    public List<Box> detectNear(YuvPicture picture, Orientation orientation, Box near) {
        int uprightWidth = orientation.swapsAxes() ? picture.height() : picture.width();
        int uprightHeight = orientation.swapsAxes() ? picture.width() : picture.height();
        double margin = 0.5 * near.width();
        double x0 = Math.max(0, near.x() - margin);
        double y0 = Math.max(0, near.y() - margin);
        double x1 = Math.min(uprightWidth, near.x() + near.width() + margin);
        double y1 = Math.min(uprightHeight, near.y() + near.height() + margin);
        if (x1 - x0 < near.width() || y1 - y0 < near.height()) {
            return detect(picture, orientation);
        }
        Box area = new Box(Math.floor(x0), Math.floor(y0), Math.floor(x1 - x0), Math.floor(y1 - y0));
        Box stored = orientation.toStored(area, picture.width(), picture.height());
        double scale = Math.min(1.0, TRACKED_FACE_SIDE / near.width());
        int minSide = (int) Math.round(0.7 * near.width() * scale);
        int maxSide = (int) Math.round(1.4 * near.width() * scale);
        try (Mat luma = lumaOf(picture);
             Rect crop = new Rect((int) stored.x(), (int) stored.y(), (int) stored.width(), (int) stored.height());
             Mat part = new Mat(luma, crop)) {
            sceneLuma = picture.matrix().luma(opencv_core.mean(luma).get(0));
            return search(part, orientation, scale, minSide, maxSide, area, 1.15);
        }
    }

    private static Mat lumaOf(YuvPicture picture) {
        return new Mat(picture.height(), picture.width(), opencv_core.CV_8UC1, picture.lumaPointer(), picture.stride(0));
    }

    /**
     * Shrinks by the scale into {@link #small}. Area averaging by a whole factor takes OpenCV's fast path, while
     * an arbitrary factor costs several times more; so the picture is averaged down by the whole part of the
     * factor and only the rest (less than 2) is averaged in the slow way, on a picture a factor squared smaller. The last few columns and rows that do not fill a
     * whole block are left out, which moves nothing: boxes are measured from the top left.
     */
    private void shrink(Mat stored, double scale) {
        int factor = (int) Math.floor(1 / scale);
        if (factor < 2) {
            opencv_imgproc.resize(stored, small, new Size((int) Math.round(stored.cols() * scale),
                    (int) Math.round(stored.rows() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
            return;
        }
        int cols = stored.cols() - stored.cols() % factor;
        int rows = stored.rows() - stored.rows() % factor;
        try (Rect whole = new Rect(0, 0, cols, rows); Mat blocks = new Mat(stored, whole)) {
            opencv_imgproc.resize(blocks, coarse, new Size(cols / factor, rows / factor), 0, 0,
                    opencv_imgproc.INTER_AREA);
        }
        opencv_imgproc.resize(coarse, small, new Size((int) Math.round(cols * scale), (int) Math.round(rows * scale)),
                0, 0, opencv_imgproc.INTER_AREA);
    }

    private List<Box> search(Mat stored, Orientation orientation, double scale, int minSide, int maxSide, Box origin,
                             double scaleStep) {
        shrink(stored, scale);
        Mat turned = small;
        if (orientation != Orientation.UPRIGHT) {
            opencv_core.rotate(small, upright, switch (orientation) {
                case CLOCKWISE_90 -> opencv_core.ROTATE_90_CLOCKWISE;
                case UPSIDE_DOWN -> opencv_core.ROTATE_180;
                default -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
            });
            turned = upright;
        }
        opencv_imgproc.equalizeHist(turned, equalised);
        cascade.detectMultiScale(equalised, found, scaleStep, 3, 0, new Size(minSide, minSide),
                maxSide > 0 ? new Size(maxSide, maxSide) : new Size());
        List<Box> faces = new ArrayList<>();
        for (long i = 0; i < found.size(); i++) {
            Rect r = found.get(i);
            Box box = new Box(r.x(), r.y(), r.width(), r.height()).scaled(1 / scale);
            faces.add(new Box(box.x() + origin.x(), box.y() + origin.y(), box.width(), box.height()));
        }
        return faces;
    }

    /**
     * Mean full-range luma of the whole picture last searched, around a held face or everywhere: tells a dark room
     * from an empty one, and follows the light as it changes.
     */
    public double sceneLuma() {
        return sceneLuma;
    }

    @Override
    public void close() {
        cascade.close();
        small.close();
        coarse.close();
        upright.close();
        equalised.close();
        found.close();
    }
}
