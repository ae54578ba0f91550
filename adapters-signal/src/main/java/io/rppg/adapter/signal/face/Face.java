package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;

/**
 * One face found in a picture, in upright picture coordinates.
 *
 * @param box       the face from brows to chin and cheek to cheek, as BlazeFace frames it
 * @param score     the detector's confidence, 0-1
 * @param landmarks eyes, nose tip, mouth and ears
 */
public record Face(Box box, double score, FaceLandmarks landmarks) {

    private static final double SKIN_FRAME_RAISE = 0.04;

    /** Head tilt from the eyes, in degrees; see {@link FaceLandmarks#rollDegrees()}. */
    public double rollDegrees() {
        return landmarks.rollDegrees();
    }

    /**
     * BlazeFace's box raised by {@value #SKIN_FRAME_RAISE} of its height: from the forehead to the mouth, the part
     * of the face whose height follows the breathing (see {@code VerticalMotion}).
     */
    public Box skinFrame() {
        return new Box(box.x(), box.y() - SKIN_FRAME_RAISE * box.height(), box.width(), box.height());
    }

    /** The same face in another box, its landmarks carried along. */
    Face movedTo(Box other) {
        return new Face(other, score, landmarks.carried(box, other));
    }
}
