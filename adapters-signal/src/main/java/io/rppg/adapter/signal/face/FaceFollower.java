package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.nio.FloatBuffer;

/**
 * Follows a held face between detections at a small fraction of a detection's cost. A luma patch of the face,
 * taken where it was last detected and shrunk to about {@value #PATCH_SIDE} pixels across, is looked for around
 * the face's box by normalised cross-correlation on an equally shrunken copy of that neighbourhood, in the stored
 * picture as the decoder left it. A good match carries the box along and shows that the face is still there; a poor
 * one (the face left, turned away or was covered) asks for the detector. Not thread-safe.
 */
final class FaceFollower implements AutoCloseable {

    /** Enough pixels to tell a face from a wall or a shelf, few enough to match in a few microseconds. */
    private static final int PATCH_SIDE = 16;
    /** How far the face may have moved since the last match, as a share of its width on each side. */
    private static final double REACH = 0.25;
    /** The patch matched against itself scores 1; a face that turned a little still scores above this. */
    private static final double MIN_MATCH = 0.7;

    private final PlaneShrinker shrinker = new PlaneShrinker();
    private final Mat patch = new Mat();
    private final Mat area = new Mat();
    private final Mat scores = new Mat();
    private int factor;
    private Box patchBox;
    private Box rememberedFace;
    private float[] scoreValues = new float[0];

    /** Takes the patch from the picture in which the face was just detected, with the box the tracker holds. */
    void remember(YuvPicture picture, Orientation orientation, Box face) {
        Box stored = clip(orientation.toStored(face, picture.width(), picture.height()), picture);
        rememberedFace = null;
        if (stored == null) {
            return;
        }
        factor = Math.max(1, (int) Math.round(Math.max(stored.width(), stored.height()) / PATCH_SIDE));
        patchBox = wholeBlocks(stored);
        if (patchBox.width() < 2 * factor || patchBox.height() < 2 * factor) {
            return;
        }
        shrinkInto(picture, patchBox, patch);
        rememberedFace = face;
    }

    /**
     * Where the remembered face is now, given the box held so far: the remembered box moved as far as the patch
     * moved, or null when nothing around the held box looks like the patch any more.
     */
    Box follow(YuvPicture picture, Orientation orientation, Box held) {
        if (rememberedFace == null) {
            return null;
        }
        Box stored = orientation.toStored(held, picture.width(), picture.height());
        double reach = REACH * Math.max(stored.width(), stored.height());
        Box around = clip(new Box(stored.x() - reach, stored.y() - reach, stored.width() + 2 * reach,
                stored.height() + 2 * reach), picture);
        if (around == null) {
            return null;
        }
        around = wholeBlocks(around);
        if (around.width() < patchBox.width() + factor || around.height() < patchBox.height() + factor) {
            return null;
        }
        shrinkInto(picture, around, area);
        opencv_imgproc.matchTemplate(area, patch, scores, opencv_imgproc.TM_CCOEFF_NORMED);
        int columns = scores.cols();
        int count = columns * scores.rows();
        if (scoreValues.length < count) {
            scoreValues = new float[count];
        }
        // The scores are a few dozen numbers: read at once, searched in Java.
        ((FloatBuffer) scores.createBuffer()).get(scoreValues, 0, count);
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (scoreValues[i] > scoreValues[best]) {
                best = i;
            }
        }
        if (!(scoreValues[best] >= MIN_MATCH)) {
            return null;
        }
        int bx = best % columns;
        int by = best / columns;
        double dx = bx + peakOffset(bx > 0 ? scoreValues[best - 1] : Float.NaN, scoreValues[best],
                bx < columns - 1 ? scoreValues[best + 1] : Float.NaN);
        double dy = by + peakOffset(by > 0 ? scoreValues[best - columns] : Float.NaN, scoreValues[best],
                best + columns < count ? scoreValues[best + columns] : Float.NaN);
        Box found = new Box(around.x() + dx * factor, around.y() + dy * factor, patchBox.width(), patchBox.height());
        Box uprightFound = UprightBoxes.fromStored(orientation, found, picture.width(), picture.height());
        Box uprightPatch = UprightBoxes.fromStored(orientation, patchBox, picture.width(), picture.height());
        return new Box(rememberedFace.x() + uprightFound.x() - uprightPatch.x(),
                rememberedFace.y() + uprightFound.y() - uprightPatch.y(), rememberedFace.width(),
                rememberedFace.height());
    }

    /**
     * Sub-pixel offset of a peak from a parabola through it and its two neighbours along one axis (NaN where the
     * peak lies on the edge, which leaves it where it is).
     */
    private static double peakOffset(double before, double peak, double after) {
        double curvature = before - 2 * peak + after;
        if (!(curvature < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (before - after) / curvature));
    }

    /** The box with its far sides pulled in to whole blocks of the factor, so that shrinking maps it exactly. */
    private Box wholeBlocks(Box stored) {
        return new Box(stored.x(), stored.y(), stored.width() - stored.width() % factor,
                stored.height() - stored.height() % factor);
    }

    /** The box in whole pixels within the picture, or null when too little of it is inside. */
    private static Box clip(Box stored, YuvPicture picture) {
        int x0 = (int) Math.max(0, Math.round(stored.x()));
        int y0 = (int) Math.max(0, Math.round(stored.y()));
        int x1 = (int) Math.min(picture.width(), Math.round(stored.x() + stored.width()));
        int y1 = (int) Math.min(picture.height(), Math.round(stored.y() + stored.height()));
        if (x1 - x0 < 8 || y1 - y0 < 8) {
            return null;
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    private void shrinkInto(YuvPicture picture, Box stored, Mat target) {
        try (Mat luma = new Mat(picture.height(), picture.width(), opencv_core.CV_8UC1, picture.lumaPointer(),
                picture.stride(0));
             Rect rect = new Rect((int) stored.x(), (int) stored.y(), (int) stored.width(), (int) stored.height());
             Mat part = new Mat(luma, rect)) {
            shrinker.shrink(part, target, (int) stored.width() / factor, (int) stored.height() / factor, factor);
        }
    }

    @Override
    public void close() {
        shrinker.close();
        patch.close();
        area.close();
        scores.close();
    }
}
