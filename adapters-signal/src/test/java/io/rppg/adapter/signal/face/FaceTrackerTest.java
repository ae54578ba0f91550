package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.StillFace;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FaceTrackerTest {

    private static final double FPS = 30;

    private final FaceDetector detector = new BlazeFaceDetector();
    private final StillFace face = new StillFace(320, 240, SkinTone.MEDIUM);
    private final YuvPicture still = YuvPictures.painted(320, 240, face::colourAt);
    private final YuvPicture wall = YuvPictures.painted(320, 240, StillFace::wallAt);

    @AfterEach
    void close() {
        detector.close();
    }

    /**
     * A face that holds still is looked for less and less often: every 10th picture while its box still settles
     * (the whole-picture and the local searches place it a little differently), then twice as far apart each time
     * (up to twelve times the interval; the patch match follows it between). The patience is long here, so only the
     * interval decides.
     */
    @Test
    void aStillFaceIsLookedForLessOftenOnceItsBoxHoldsStill() {
        FaceTracker tracker = new FaceTracker(detector, 10, 10);
        List<Integer> searches = new ArrayList<>();
        List<Integer> moves = new ArrayList<>();

        for (int n = 0; n <= 150; n++) {
            Face held = tracker.track(still, Orientation.UPRIGHT, n / FPS);
            assertThat(held).as("picture %d", n).isNotNull();
            Box box = held.box();
            assertThat(box.centreX()).isCloseTo(face.centreX(), within(0.1 * face.faceWidth()));
            if (tracker.searched()) {
                searches.add(n);
            }
            if (tracker.moved()) {
                moves.add(n);
            }
        }

        int settled = moves.get(moves.size() - 1);
        assertThat(settled).as("the box holds still after a few searches").isLessThan(60);
        List<Integer> gaps = new ArrayList<>();
        for (int k = 1; k < searches.size(); k++) {
            gaps.add(searches.get(k) - searches.get(k - 1));
        }
        int settledAt = searches.indexOf(settled);
        assertThat(gaps.subList(0, settledAt + 1)).containsOnly(10);
        assertThat(gaps.subList(settledAt + 1, gaps.size())).startsWith(20, 40, 80);
        assertThat(tracker.everFound()).isTrue();
    }

    /**
     * The person leaves after 1 s. The box is kept until the patience (1 s) has passed since the face was last
     * detected, which was at most half the patience before it left (a held face is looked for at least that often):
     * so it is let go between 0.5 and 1 s after leaving, and stays gone.
     */
    @Test
    void aFaceThatLeavesIsLetGoAfterItsPatience() {
        FaceTracker tracker = new FaceTracker(detector, 10, 1.0);
        double firstLost = Double.NaN;

        for (int n = 0; n < 90; n++) {
            double t = n / FPS;
            Face box = tracker.track(t < 1 ? still : wall, Orientation.UPRIGHT, t);
            if (t < 1) {
                assertThat(box).as("picture %d", n).isNotNull();
            } else if (box == null && Double.isNaN(firstLost)) {
                firstLost = t;
            } else if (!Double.isNaN(firstLost)) {
                assertThat(box).as("picture %d", n).isNull();
            }
        }

        assertThat(firstLost).isBetween(1.5 - 1 / FPS, 2.0 + 1 / FPS);
    }

    @Test
    void aBareWallHoldsNoFace() {
        FaceTracker tracker = new FaceTracker(detector, 10, 1.0);

        for (int n = 0; n < 30; n++) {
            assertThat(tracker.track(wall, Orientation.UPRIGHT, n / FPS)).isNull();
        }

        assertThat(tracker.everFound()).isFalse();
    }

    /**
     * The face moves 16 pixels to the right: the box follows a third of the way (0.3) at the next detection, and
     * the rest over the next few, stopping within the dead zone (4% of its width) that keeps detector jitter out.
     */
    @Test
    void aMovedFaceIsFollowedSmoothly() {
        int shift = 16;
        YuvPicture moved = YuvPictures.painted(320, 240, (x, y, rgb) -> {
            if (x >= shift) {
                face.colourAt(x - shift, y, rgb);
            } else {
                StillFace.wallAt(x, y, rgb);
            }
        });
        FaceTracker tracker = new FaceTracker(detector, 1, 10);
        Box before = tracker.track(still, Orientation.UPRIGHT, 0).box();

        Box first = tracker.track(moved, Orientation.UPRIGHT, 1 / FPS).box();

        assertThat(tracker.moved()).isTrue();
        assertThat(first.centreX() - before.centreX()).isBetween(0.2 * shift, 0.4 * shift);
        Box settled = first;
        for (int n = 2; n < 20; n++) {
            settled = tracker.track(moved, Orientation.UPRIGHT, n / FPS).box();
        }
        assertThat(tracker.moved()).isFalse();
        assertThat(settled.centreX() - before.centreX())
                .isBetween(shift - 0.04 * settled.width() - 2, shift + 0.04 * settled.width() + 2)
                .isGreaterThan(first.centreX() - before.centreX());
    }

    /**
     * The person scanned sits in the middle; another face, bigger, stands at the side from the start and a third,
     * bigger still, passes in front of the camera's other side for a while: the box stays on the person scanned.
     */
    @Test
    void thePersonInTheMiddleIsKeptWhateverOtherFacesDo() {
        StillFace person = new StillFace(480, 360, SkinTone.MEDIUM, 0.3, 0.5, 0.5);
        StillFace bystander = new StillFace(480, 360, SkinTone.BROWN, 0.36, 0.15, 0.45);
        StillFace passer = new StillFace(480, 360, SkinTone.LIGHT, 0.42, 0.82, 0.45);
        YuvPicture two = YuvPictures.painted(480, 360, (x, y, rgb) -> {
            person.colourAt(x, y, rgb);
            bystander.over(x, y, rgb);
        });
        YuvPicture three = YuvPictures.painted(480, 360, (x, y, rgb) -> {
            person.colourAt(x, y, rgb);
            bystander.over(x, y, rgb);
            passer.over(x, y, rgb);
        });
        FaceTracker tracker = new FaceTracker(detector, 5, 1.0);

        for (int n = 0; n < 120; n++) {
            Face held = tracker.track(n >= 30 && n < 90 ? three : two, Orientation.UPRIGHT, n / FPS);
            assertThat(held).as("picture %d", n).isNotNull();
            assertThat(held.box().centreX()).as("picture %d", n)
                    .isCloseTo(person.centreX(), within(0.2 * person.faceWidth()));
        }
    }
}
