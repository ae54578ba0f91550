package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;

/**
 * The six keypoints BlazeFace places, in upright picture coordinates. "Right" and "left" are the person's own:
 * in a picture that is not mirrored the right eye shows on the left.
 */
public record FaceLandmarks(Landmark rightEye, Landmark leftEye, Landmark noseTip, Landmark mouth, Landmark rightEar,
                            Landmark leftEar) {

    /**
     * How far the head is tilted, in degrees, from the line through the eyes: 0 for an upright face, positive when
     * the face is turned clockwise as seen in the picture (the person's left eye lower than the right).
     */
    public double rollDegrees() {
        return Math.toDegrees(Math.atan2(leftEye.y() - rightEye.y(), leftEye.x() - rightEye.x()));
    }

    /** The same points carried along with a box that moved and changed size from {@code from} to {@code to}. */
    FaceLandmarks carried(Box from, Box to) {
        return new FaceLandmarks(carried(rightEye, from, to), carried(leftEye, from, to), carried(noseTip, from, to),
                carried(mouth, from, to), carried(rightEar, from, to), carried(leftEar, from, to));
    }

    private static Landmark carried(Landmark point, Box from, Box to) {
        return new Landmark(to.x() + (point.x() - from.x()) * to.width() / from.width(),
                to.y() + (point.y() - from.y()) * to.height() / from.height());
    }

    /** How far, in pixels, the eye, nose or mouth that moved most lies from where it is in {@code other}. */
    double farthestMove(FaceLandmarks other) {
        return Math.max(Math.max(distance(rightEye, other.rightEye), distance(leftEye, other.leftEye)),
                Math.max(distance(noseTip, other.noseTip), distance(mouth, other.mouth)));
    }

    private static double distance(Landmark a, Landmark b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
