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
 * Finds frontal faces with OpenCV's LBP cascade on a shrunken, upright copy of the luma plane. Not thread-safe:
 * each analysis uses its own detector.
 */
public final class FaceDetector implements AutoCloseable {

    /** The longest side of the picture the cascade sees; faces that fill a phone video stay well above its minimum. */
    private static final int DETECTION_SIDE = 320;
    private static final double MIN_FACE_FRACTION = 0.12;

    private static volatile File cascadeFile;

    private final CascadeClassifier cascade;
    private final Mat small = new Mat();
    private final Mat upright = new Mat();
    private final Mat equalised = new Mat();
    private final RectVector found = new RectVector();
    private double sceneLuma = Double.NaN;

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
                        + "/share/opencv4/lbpcascades/lbpcascade_frontalface_improved.xml");
            } catch (IOException e) {
                throw new UncheckedIOException("the face cascade is missing from the OpenCV package", e);
            }
        }
        return cascadeFile;
    }

    /** Faces in upright picture coordinates (after the orientation's turn), at the picture's full scale. */
    public List<Box> detect(YuvPicture picture, Orientation orientation) {
        double scale = Math.min(1.0, (double) DETECTION_SIDE / Math.max(picture.width(), picture.height()));
        try (Mat luma = new Mat(picture.height(), picture.width(), opencv_core.CV_8UC1, picture.lumaPointer(),
                picture.stride(0))) {
            opencv_imgproc.resize(luma, small, new Size((int) Math.round(picture.width() * scale),
                    (int) Math.round(picture.height() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
        }
        sceneLuma = picture.matrix().luma(opencv_core.mean(small).get(0));
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
        int minSide = (int) Math.round(MIN_FACE_FRACTION * Math.min(equalised.cols(), equalised.rows()));
        cascade.detectMultiScale(equalised, found, 1.1, 3, 0, new Size(minSide, minSide), new Size());
        List<Box> faces = new ArrayList<>();
        for (long i = 0; i < found.size(); i++) {
            Rect r = found.get(i);
            faces.add(new Box(r.x(), r.y(), r.width(), r.height()).scaled(1 / scale));
        }
        return faces;
    }

    /** Mean full-range luma of the whole picture last searched: tells a dark room from an empty one. */
    public double sceneLuma() {
        return sceneLuma;
    }

    @Override
    public void close() {
        cascade.close();
        small.close();
        upright.close();
        equalised.close();
        found.close();
    }
}
