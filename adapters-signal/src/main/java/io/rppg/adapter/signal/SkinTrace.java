package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.RegionStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers a video was reduced to: per picture with a face, its time, mean skin colour and the face's vertical
 * position; plus counts that tell an empty or dark video from a good one. Grows with the video up to the engine's
 * bound on analysed seconds, about a hundred bytes per picture (with each skin region's step,
 * {@link RegionSteps}).
 */
final class SkinTrace {

    private double[] seconds = new double[1024];
    private double[] red = new double[1024];
    private double[] green = new double[1024];
    private double[] blue = new double[1024];
    private double[] vertical = new double[1024];
    private double[] reference = new double[1024];
    private int size;
    int pictures;
    int picturesWithFace;
    boolean faceFound;
    double videoSeconds;
    double sceneLumaSum;
    int sceneLumaCount;
    double skinLumaSum;
    private final RegionSteps regionSteps = new RegionSteps();
    private final List<TraceArtifact> artifacts = new ArrayList<>();
    private TraceArtifact open;

    void add(double time, double r, double g, double b, double y, double luma) {
        add(time, r, g, b, y, luma, Double.NaN);
    }

    /**
     * @param background mean brightness of the scene outside the face ({@link BackgroundLight}); NaN when the face
     *                   leaves too little of it
     */
    void add(double time, double r, double g, double b, double y, double luma, double background) {
        add(time, r, g, b, y, luma, background, List.of());
    }

    /**
     * @param steps each skin region's part in this sample's change of the colour ({@link RegionSteps}); empty when
     *              the colour was joined elsewhere
     */
    void add(double time, double r, double g, double b, double y, double luma, double background,
             List<RegionStep> steps) {
        if (size == seconds.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
            red = Arrays.copyOf(red, size * 2);
            green = Arrays.copyOf(green, size * 2);
            blue = Arrays.copyOf(blue, size * 2);
            vertical = Arrays.copyOf(vertical, size * 2);
            reference = Arrays.copyOf(reference, size * 2);
        }
        reference[size] = background;
        seconds[size] = time;
        red[size] = r;
        green[size] = g;
        blue[size] = b;
        vertical[size] = y;
        skinLumaSum += luma;
        regionSteps.put(size, steps);
        size++;
    }

    /**
     * Notes what disturbed the picture at {@code seconds} (null for nothing): a stretch of the same kind goes on,
     * anything else closes it.
     */
    void disturbed(TraceArtifact.Kind kind, double seconds) {
        if (open != null && open.kind() == kind) {
            open = open.extendedTo(seconds);
            return;
        }
        if (open != null) {
            artifacts.add(open);
        }
        open = kind == null ? null : new TraceArtifact(kind, seconds, seconds);
    }

    /** The disturbed stretches so far, in time order. */
    List<TraceArtifact> artifacts() {
        List<TraceArtifact> all = new ArrayList<>(artifacts);
        if (open != null) {
            all.add(open);
        }
        return all;
    }

    int size() {
        return size;
    }

    double meanSceneLuma() {
        return sceneLumaCount == 0 ? Double.NaN : sceneLumaSum / sceneLumaCount;
    }

    double meanSkinLuma() {
        return size == 0 ? Double.NaN : skinLumaSum / size;
    }

    /**
     * The longest stretch of samples without a gap longer than {@code maxGapSeconds}, as {from, to} indices
     * (to exclusive).
     */
    int[] longestRun(double maxGapSeconds) {
        int bestFrom = 0, bestTo = 0, from = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || seconds[i] - seconds[i - 1] > maxGapSeconds) {
                if (i > from && seconds[i - 1] - seconds[from] > spanOf(bestFrom, bestTo)) {
                    bestFrom = from;
                    bestTo = i;
                }
                from = i;
            }
        }
        return new int[]{bestFrom, bestTo};
    }

    double spanOf(int from, int to) {
        return to - from < 2 ? 0 : seconds[to - 1] - seconds[from];
    }

    double[] seconds() {
        return seconds;
    }

    double[] red() {
        return red;
    }

    double[] green() {
        return green;
    }

    double[] blue() {
        return blue;
    }

    double[] vertical() {
        return vertical;
    }

    /** Each skin region's part in every sample's change of the colour. */
    RegionSteps regionSteps() {
        return regionSteps;
    }

    /** Brightness of the scene outside the face, per sample; NaN where none was left to measure. */
    double[] reference() {
        return reference;
    }
}
