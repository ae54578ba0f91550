package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finds faces with MediaPipe's BlazeFace short-range model (shipped beside this class, see its README), run by
 * OpenCV's DNN module. Unlike a frontal cascade it holds on tilted and turned heads, and it places the eyes, nose
 * tip, mouth and ears. The model sees a 128-pixel square: the whole picture letterboxed into it finds faces down to
 * about a sixth of the picture's longer side; smaller ones are looked for in overlapping tiles when the whole
 * picture shows none. A face, once found, and a held face are searched for in a square crop around them, where
 * the face spans the model's input as in a selfie. Not thread-safe: each analysis uses its own detector.
 */
public final class BlazeFaceDetector implements FaceDetector {

    static final int INPUT_SIDE = 128;
    private static final String MODEL = "blazeface/face_detection_short_range.tflite";
    /** MediaPipe's own thresholds for this model. */
    private static final double MIN_SCORE = 0.5;
    private static final double SAME_FACE_OVERLAP = 0.3;
    /**
     * A held face is searched for in a square this many times its size: the face then spans 40 % of the input,
     * where the model is surest, and a head that moved by half its width between searches is still inside.
     */
    private static final double NEAR_SEARCH_SIZE = 2.5;
    /**
     * Tiles are half as large as the picture's longer side and overlap by half, so that a face up to a quarter of
     * that side lies wholly inside one.
     */
    private static final double TILE_SHARE = 0.5;

    /**
     * Networks of finished analyses, kept for the next ones: reading the model costs about as much as two
     * detections. A network serves one analysis at a time; at most this many wait here.
     */
    private static final int IDLE_NETWORKS = 8;
    private static final Queue<Net> IDLE = new ConcurrentLinkedQueue<>();

    private static volatile File modelFile;

    private final Net net;
    private final LetterboxedInput input = new LetterboxedInput(INPUT_SIDE);
    private final BlazeFaceDecoder decoder = new BlazeFaceDecoder(INPUT_SIDE, MIN_SCORE, SAME_FACE_OVERLAP);
    private final StringVector outputNames = new StringVector("regressors", "classificators");
    private final MatVector outputs = new MatVector();
    private final float[] regressors = new float[BlazeFaceAnchors.COUNT * BlazeFaceDecoder.VALUES];
    private final float[] logits = new float[BlazeFaceAnchors.COUNT];
    private double sceneLuma = Double.NaN;
    private boolean closed;

    static {
        // The network is small and runs on a 128-pixel picture; OpenCV's thread pool costs more than it saves there
        // and competes with FFmpeg's decoding threads. Parallelism comes from analysing several videos at once.
        opencv_core.setNumThreads(1);
    }

    public BlazeFaceDetector() {
        Net idle = IDLE.poll();
        net = idle != null ? idle : opencv_dnn.readNetFromTFLite(modelFile().getAbsolutePath());
        if (net.empty()) {
            throw new IllegalStateException("the face detection model could not be loaded from " + modelFile);
        }
    }

    private static File modelFile() {
        if (modelFile == null) {
            try {
                // OpenCV reads the model from a file: the resource is unpacked once into JavaCPP's cache.
                modelFile = Loader.cacheResource(BlazeFaceDetector.class, MODEL);
            } catch (IOException e) {
                throw new UncheckedIOException("the face detection model is missing from the signal engine", e);
            }
        }
        return modelFile;
    }

    @Override
    public List<Face> detect(YuvPicture picture, Orientation orientation) {
        measureScene(picture);
        int width = UprightBoxes.uprightWidth(orientation, picture.width(), picture.height());
        int height = UprightBoxes.uprightHeight(orientation, picture.width(), picture.height());
        List<Face> faces = search(picture, orientation, new Box(0, 0, width, height));
        if (faces.isEmpty()) {
            for (Box tile : tiles(width, height)) {
                for (Face face : search(picture, orientation, tile)) {
                    if (faces.stream().noneMatch(f -> f.box().overlap(face.box()) > SAME_FACE_OVERLAP)) {
                        faces.add(face);
                    }
                }
            }
        }
        // Each face is looked at again as a held face would be: small ones come out coarse from the whole picture,
        // and the box of a large one differs a little in size from what the searches around it will find, which
        // would move the skin regions at the next search. A face that closer look does not confirm is dropped.
        List<Face> refined = new ArrayList<>();
        for (Face face : faces) {
            searchAround(picture, orientation, face.box()).stream()
                    .max(Comparator.comparingDouble(f -> f.box().overlap(face.box())))
                    .filter(f -> f.box().overlap(face.box()) > 0)
                    .ifPresent(refined::add);
        }
        return refined;
    }

    @Override
    public List<Face> detectNear(YuvPicture picture, Orientation orientation, Box near) {
        measureScene(picture);
        return searchAround(picture, orientation, near);
    }

    private List<Face> searchAround(YuvPicture picture, Orientation orientation, Box near) {
        double size = NEAR_SEARCH_SIZE * Math.max(near.width(), near.height());
        return search(picture, orientation, new Box(near.centreX() - size / 2, near.centreY() - size / 2, size, size));
    }

    /**
     * Square tiles of half the longer side, spread evenly with an overlap of at least half a tile. Pictures whose
     * shorter side is less than that get tiles as tall (or wide) as the picture.
     */
    static List<Box> tiles(int width, int height) {
        int side = (int) Math.round(TILE_SHARE * Math.max(width, height));
        int tileWidth = Math.min(side, width);
        int tileHeight = Math.min(side, height);
        List<Box> tiles = new ArrayList<>();
        int across = spread(width, tileWidth);
        int down = spread(height, tileHeight);
        for (int j = 0; j < down; j++) {
            for (int i = 0; i < across; i++) {
                double x = across == 1 ? 0 : Math.round((double) i * (width - tileWidth) / (across - 1));
                double y = down == 1 ? 0 : Math.round((double) j * (height - tileHeight) / (down - 1));
                tiles.add(new Box(x, y, tileWidth, tileHeight));
            }
        }
        return tiles;
    }

    /** How many tiles of the given length cover the length with steps of at most half a tile. */
    private static int spread(int length, int tile) {
        if (tile >= length) {
            return 1;
        }
        return (int) Math.ceil((length - tile) / (tile / 2.0)) + 1;
    }

    private List<Face> search(YuvPicture picture, Orientation orientation, Box region) {
        net.setInput(input.fill(picture, orientation, region));
        net.forward(outputs, outputNames);
        try (Mat boxes = outputs.get(0); Mat scores = outputs.get(1)) {
            ((FloatBuffer) boxes.createBuffer()).get(regressors);
            ((FloatBuffer) scores.createBuffer()).get(logits);
        }
        List<Face> faces = new ArrayList<>();
        for (BlazeFaceDecoder.Detection d : decoder.decode(regressors, logits)) {
            faces.add(toFace(d));
        }
        return faces;
    }

    private Face toFace(BlazeFaceDecoder.Detection d) {
        Landmark topLeft = input.toPicture(d.left(), d.top());
        Landmark bottomRight = input.toPicture(d.right(), d.bottom());
        Landmark[] points = new Landmark[BlazeFaceDecoder.KEYPOINTS];
        for (int k = 0; k < points.length; k++) {
            points[k] = input.toPicture(d.keypointX(k), d.keypointY(k));
        }
        Box box = new Box(topLeft.x(), topLeft.y(), bottomRight.x() - topLeft.x(), bottomRight.y() - topLeft.y());
        return new Face(box, d.score(),
                new FaceLandmarks(points[0], points[1], points[2], points[3], points[4], points[5]));
    }

    private void measureScene(YuvPicture picture) {
        try (Mat luma = new Mat(picture.height(), picture.width(), opencv_core.CV_8UC1, picture.lumaPointer(),
                picture.stride(0))) {
            sceneLuma = picture.matrix().luma(opencv_core.mean(luma).get(0));
        }
    }

    @Override
    public double sceneLuma() {
        return sceneLuma;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (IDLE.size() < IDLE_NETWORKS) {
            IDLE.offer(net);
        } else {
            net.close();
        }
        input.close();
        outputNames.close();
        outputs.close();
    }
}
