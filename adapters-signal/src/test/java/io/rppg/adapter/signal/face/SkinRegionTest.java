package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SkinRegionTest {

    /** Eyes 40 px apart at y = 100, nose tip 25 px and mouth 50 px below them, in the middle. */
    static Face uprightFace() {
        return new Face(new Box(110, 70, 100, 110), 0.9, new FaceLandmarks(new Landmark(140, 100),
                new Landmark(180, 100), new Landmark(160, 125), new Landmark(160, 150), new Landmark(115, 105),
                new Landmark(205, 105)));
    }

    @Test
    void theForeheadLiesAboveTheEyesAndEachCheekBelowItsEye() {
        List<SkinRegion> regions = SkinRegion.of(uprightFace());

        assertThat(regions).extracting(SkinRegion::name).containsExactly("forehead", "right cheek", "left cheek");
        SkinRegion forehead = regions.get(0);
        SkinRegion right = regions.get(1);
        SkinRegion left = regions.get(2);
        assertThat(forehead.centreX()).isCloseTo(160, within(1e-9));
        assertThat(forehead.centreY() + forehead.halfHeight()).as("bottom edge above the brows").isLessThan(100 - 15);
        assertThat(right.centreX()).isCloseTo(140, within(1e-9));
        assertThat(left.centreX()).isCloseTo(180, within(1e-9));
        assertThat(right.centreY() - right.halfHeight()).as("top edge below the eyes").isGreaterThan(100 + 5);
        assertThat(right.centreY() + right.halfHeight()).as("bottom edge above the mouth").isLessThan(150 - 5);
        assertThat(right.x(right.halfWidth(), 0)).as("the cheeks stop at the nose").isLessThan(160);
        assertThat(left.x(-left.halfWidth(), 0)).isGreaterThan(160);
    }

    /** The same face tilted by 30 degrees about the eyes' midpoint: every region turns with it. */
    @Test
    void regionsTurnWithATiltedHead() {
        Face upright = uprightFace();
        double angle = Math.toRadians(30);
        Face tilted = new Face(upright.box(), 0.9, turned(upright.landmarks(), angle, 160, 100));

        List<SkinRegion> straight = SkinRegion.of(upright);
        List<SkinRegion> turned = SkinRegion.of(tilted);

        for (int i = 0; i < 3; i++) {
            SkinRegion s = straight.get(i);
            SkinRegion t = turned.get(i);
            double[] expected = turn(s.centreX(), s.centreY(), angle, 160, 100);
            assertThat(t.centreX()).isCloseTo(expected[0], within(1e-6));
            assertThat(t.centreY()).isCloseTo(expected[1], within(1e-6));
            assertThat(Math.toDegrees(Math.atan2(t.acrossY(), t.acrossX()))).isCloseTo(30, within(1e-6));
            assertThat(t.halfWidth()).isCloseTo(s.halfWidth(), within(1e-6));
            assertThat(t.halfHeight()).isCloseTo(s.halfHeight(), within(1e-6));
        }
    }

    /** Turned towards its left, the nose tip shows nearer the left eye: the left cheek is seen foreshortened. */
    @Test
    void theCheekTurnedAwayIsNarrower() {
        Face face = uprightFace();
        FaceLandmarks m = face.landmarks();
        Face turned = new Face(face.box(), 0.9, new FaceLandmarks(m.rightEye(), m.leftEye(), new Landmark(172, 125),
                m.mouth(), m.rightEar(), m.leftEar()));

        List<SkinRegion> regions = SkinRegion.of(turned);

        assertThat(regions.get(2).halfWidth()).isLessThan(0.6 * regions.get(1).halfWidth());
    }

    private static FaceLandmarks turned(FaceLandmarks m, double angle, double cx, double cy) {
        return new FaceLandmarks(turned(m.rightEye(), angle, cx, cy), turned(m.leftEye(), angle, cx, cy),
                turned(m.noseTip(), angle, cx, cy), turned(m.mouth(), angle, cx, cy),
                turned(m.rightEar(), angle, cx, cy), turned(m.leftEar(), angle, cx, cy));
    }

    private static Landmark turned(Landmark p, double angle, double cx, double cy) {
        double[] xy = turn(p.x(), p.y(), angle, cx, cy);
        return new Landmark(xy[0], xy[1]);
    }

    private static double[] turn(double x, double y, double angle, double cx, double cy) {
        double dx = x - cx;
        double dy = y - cy;
        return new double[]{cx + Math.cos(angle) * dx - Math.sin(angle) * dy,
                cy + Math.sin(angle) * dx + Math.cos(angle) * dy};
    }
}
