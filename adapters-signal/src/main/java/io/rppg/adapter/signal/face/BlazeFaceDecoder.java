package io.rppg.adapter.signal.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the raw outputs of BlazeFace's short-range model into faces in input coordinates (fractions of the input's
 * side), as MediaPipe's face detection graph does: offsets from the anchors, scores from logits, then weighted
 * non-maximum suppression, which averages the overlapping detections of one face by score instead of keeping only
 * the best one; that steadies the box from picture to picture.
 */
final class BlazeFaceDecoder {

    /** Values per anchor: box centre x, y, width, height, then x, y of six keypoints. */
    static final int VALUES = 16;
    static final int KEYPOINTS = 6;
    /** MediaPipe clips the logits before the sigmoid. */
    private static final double LOGIT_LIMIT = 100;

    private final double inputSide;
    private final double minScore;
    private final double sameFaceOverlap;

    /**
     * @param inputSide       the network's input side in pixels: the unit of its offsets
     * @param minScore        the lowest score that counts as a face
     * @param sameFaceOverlap detections overlapping more than this (intersection over union) are one face
     */
    BlazeFaceDecoder(double inputSide, double minScore, double sameFaceOverlap) {
        this.inputSide = inputSide;
        this.minScore = minScore;
        this.sameFaceOverlap = sameFaceOverlap;
    }

    /**
     * A detection in input coordinates.
     *
     * @param score     0-1
     * @param values    left, top, right, bottom of the box, then x, y of each keypoint
     */
    record Detection(double score, double[] values) {

        double left() {
            return values[0];
        }

        double top() {
            return values[1];
        }

        double right() {
            return values[2];
        }

        double bottom() {
            return values[3];
        }

        double keypointX(int k) {
            return values[4 + 2 * k];
        }

        double keypointY(int k) {
            return values[5 + 2 * k];
        }

        double overlap(Detection other) {
            double w = Math.min(right(), other.right()) - Math.max(left(), other.left());
            double h = Math.min(bottom(), other.bottom()) - Math.max(top(), other.top());
            if (w <= 0 || h <= 0) {
                return 0;
            }
            double intersection = w * h;
            double union = (right() - left()) * (bottom() - top())
                    + (other.right() - other.left()) * (other.bottom() - other.top()) - intersection;
            return intersection / union;
        }
    }

    /**
     * The faces in one output of the network.
     *
     * @param regressors {@link BlazeFaceAnchors#COUNT} x {@value #VALUES} offsets, in input pixels
     * @param logits     {@link BlazeFaceAnchors#COUNT} face logits
     */
    List<Detection> decode(float[] regressors, float[] logits) {
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < BlazeFaceAnchors.COUNT; a++) {
            double logit = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logits[a]));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < minScore) {
                continue;
            }
            int base = a * VALUES;
            double ax = BlazeFaceAnchors.x(a);
            double ay = BlazeFaceAnchors.y(a);
            double cx = ax + regressors[base] / inputSide;
            double cy = ay + regressors[base + 1] / inputSide;
            double w = regressors[base + 2] / inputSide;
            double h = regressors[base + 3] / inputSide;
            if (!(w > 0) || !(h > 0)) {
                continue;
            }
            double[] values = new double[4 + 2 * KEYPOINTS];
            values[0] = cx - w / 2;
            values[1] = cy - h / 2;
            values[2] = cx + w / 2;
            values[3] = cy + h / 2;
            for (int k = 0; k < KEYPOINTS; k++) {
                values[4 + 2 * k] = ax + regressors[base + 4 + 2 * k] / inputSide;
                values[5 + 2 * k] = ay + regressors[base + 5 + 2 * k] / inputSide;
            }
            candidates.add(new Detection(score, values));
        }
        return merged(candidates);
    }

    /**
     * Weighted non-maximum suppression: the best remaining detection gathers every detection that overlaps it; the
     * group becomes one detection at their score-weighted mean position, with the best score.
     */
    List<Detection> merged(List<Detection> candidates) {
        List<Detection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> faces = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection best = remaining.getFirst();
            double[] sum = new double[best.values().length];
            double weights = 0;
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) {
                if (d == best || best.overlap(d) > sameFaceOverlap) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += d.score() * d.values()[i];
                    }
                    weights += d.score();
                } else {
                    rest.add(d);
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= weights;
            }
            faces.add(new Detection(best.score(), sum));
            remaining = rest;
        }
        return faces;
    }
}
