package io.rppg.adapter.signal.face;

import java.util.List;

/**
 * A patch of skin on the face, a rectangle turned with the head, in upright picture coordinates.
 *
 * @param name        forehead, right cheek or left cheek (the person's own sides)
 * @param centreX     centre, in pixels
 * @param centreY     centre, in pixels
 * @param acrossX     unit vector across the face (from the person's right eye towards the left), x part
 * @param acrossY     its y part; "down the face" is this vector turned a quarter clockwise
 * @param halfWidth   half the extent across the face, in pixels
 * @param halfHeight  half the extent down the face, in pixels
 */
public record SkinRegion(String name, double centreX, double centreY, double acrossX, double acrossY,
                         double halfWidth, double halfHeight) {

    /*
     * Proportions of an adult face, in eye distances (d, between the eye centres) across and eye-to-mouth
     * distances (m) down from the line through the eyes: brows end about 0.35 m above it, the hairline about
     * 0.9-1.1 m; the cheeks' skin lies below each eye from a fifth of the way to the mouth to three quarters of
     * it, and from the side of the nose outwards. The regions are as large as the skin allows: codecs quantise
     * chroma in blocks, and only averaging many blocks brings the sub-level colour pulse out of that noise (the
     * brightness test drops what is not skin: brows, hair, nostrils, deep shadow).
     */
    private static final double FOREHEAD_FROM = -0.85;
    private static final double FOREHEAD_TO = -0.40;
    private static final double FOREHEAD_HALF_WIDTH = 0.6;
    private static final double CHEEK_FROM = 0.2;
    private static final double CHEEK_TO = 0.82;
    private static final double CHEEK_HALF_WIDTH = 0.42;
    /** Landmarks that put the mouth closer than this or farther (in eye distances) are not trusted for height. */
    private static final double MOUTH_MIN = 0.6;
    private static final double MOUTH_MAX = 2.2;
    private static final double MOUTH_USUAL = 1.2;

    /**
     * The forehead and both cheeks of a face, from its eyes, nose tip and mouth: turned with the head's roll, and
     * with the cheek on the side the head turns away from narrowed as the nose shows it foreshortened.
     */
    public static List<SkinRegion> of(Face face) {
        FaceLandmarks marks = face.landmarks();
        double eyeX = (marks.rightEye().x() + marks.leftEye().x()) / 2;
        double eyeY = (marks.rightEye().y() + marks.leftEye().y()) / 2;
        double dx = marks.leftEye().x() - marks.rightEye().x();
        double dy = marks.leftEye().y() - marks.rightEye().y();
        double eyeDistance = Math.hypot(dx, dy);
        if (eyeDistance < 1) {
            return List.of();
        }
        double ax = dx / eyeDistance;
        double ay = dy / eyeDistance;
        // Down the face: the across vector turned a quarter clockwise (y grows downwards).
        double downX = -ay;
        double downY = ax;
        double mouthDrop = (marks.mouth().x() - eyeX) * downX + (marks.mouth().y() - eyeY) * downY;
        if (mouthDrop < MOUTH_MIN * eyeDistance || mouthDrop > MOUTH_MAX * eyeDistance) {
            mouthDrop = MOUTH_USUAL * eyeDistance;
        }
        // How far the nose tip sits from each eye, across the face: equal when the face looks straight on.
        double noseAcross = (marks.noseTip().x() - eyeX) * ax + (marks.noseTip().y() - eyeY) * ay;
        double rightSide = Math.max(0, eyeDistance / 2 + noseAcross);
        double leftSide = Math.max(0, eyeDistance / 2 - noseAcross);
        double sides = Math.max(1e-9, rightSide + leftSide);
        double rightShare = Math.max(0.3, Math.min(1.3, 2 * rightSide / sides));
        double leftShare = Math.max(0.3, Math.min(1.3, 2 * leftSide / sides));

        double foreheadDown = (FOREHEAD_FROM + FOREHEAD_TO) / 2 * mouthDrop;
        double cheekDown = (CHEEK_FROM + CHEEK_TO) / 2 * mouthDrop;
        double cheekHalfHeight = (CHEEK_TO - CHEEK_FROM) / 2 * mouthDrop;
        return List.of(
                new SkinRegion("forehead", eyeX + foreheadDown * downX, eyeY + foreheadDown * downY, ax, ay,
                        FOREHEAD_HALF_WIDTH * eyeDistance, (FOREHEAD_TO - FOREHEAD_FROM) / 2 * mouthDrop),
                cheek("right cheek", marks.rightEye(), cheekDown, ax, ay, downX, downY,
                        CHEEK_HALF_WIDTH * eyeDistance * rightShare, cheekHalfHeight),
                cheek("left cheek", marks.leftEye(), cheekDown, ax, ay, downX, downY,
                        CHEEK_HALF_WIDTH * eyeDistance * leftShare, cheekHalfHeight));
    }

    private static SkinRegion cheek(String name, Landmark eye, double down, double ax, double ay, double downX,
                                    double downY, double halfWidth, double halfHeight) {
        return new SkinRegion(name, eye.x() + down * downX, eye.y() + down * downY, ax, ay, halfWidth, halfHeight);
    }

    public double area() {
        return 4 * halfWidth * halfHeight;
    }

    /** Upright x of the point {@code across} pixels across and {@code down} pixels down from the centre. */
    public double x(double across, double down) {
        return centreX + across * acrossX - down * acrossY;
    }

    /** Upright y of the point {@code across} pixels across and {@code down} pixels down from the centre. */
    public double y(double across, double down) {
        return centreY + across * acrossY + down * acrossX;
    }
}
