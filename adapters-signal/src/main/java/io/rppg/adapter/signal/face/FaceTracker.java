package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps one face across the video: looks for it every few pictures, keeps to the same person when several faces
 * show ({@link #choose}), smooths the box so that detector jitter does not
 * move the skin regions, and lets the face go when it has been missing for too long. A detection costs far more
 * than all the other work on a picture, so a face that holds still is detected less and less often (down to every
 * {@value #STEADY_STRETCH}th look, 4 s at 30 pictures a second), and the other looks follow it with a cheap patch
 * match ({@link FaceFollower}); any movement, a poor match or a miss brings the detector back at once. The box moves
 * at most once per look: each move costs the skin trace a little noise (see the reader's offsets), so following
 * every picture would not pay.
 */
public final class FaceTracker implements AutoCloseable {

    private static final double SMOOTHING = 0.3;
    /** Detector jitter below this share of the face width is ignored: a still face keeps still skin regions. */
    private static final double DEAD_ZONE = 0.04;
    private static final double SAME_FACE_OVERLAP = 0.25;
    private static final double MIN_SKIN_SHARE = 0.3;
    private static final int STEADY_STRETCH = 12;
    private static final int EMPTY_STRETCH = 3;

    private final FaceDetector detector;
    private final FaceFollower follower = new FaceFollower();
    private final int detectionInterval;
    private final double patienceSeconds;
    private Face face;
    /** Where the face let go was last held: the person is looked for there first. */
    private Box lastHeld;
    private double lastSeen = Double.NEGATIVE_INFINITY;
    private boolean everFound;
    private boolean moved;
    private boolean searched;
    private int picturesSinceSearch;
    private int picturesSinceLook;
    private int interval;
    private boolean searchNear;
    private boolean searchAgain;

    /**
     * @param detectionInterval look for the face on every n-th picture: with the detector at first and while no face
     *                          is held, with the detector or the follower while one is
     * @param patienceSeconds   how long a face may go unseen before it counts as lost
     */
    public FaceTracker(FaceDetector detector, int detectionInterval, double patienceSeconds) {
        this.detector = detector;
        this.detectionInterval = Math.max(1, detectionInterval);
        this.interval = this.detectionInterval;
        this.picturesSinceSearch = this.detectionInterval;
        this.picturesSinceLook = this.detectionInterval;
        this.patienceSeconds = patienceSeconds;
    }

    /** The upright face for this picture, or null while no face is held. */
    public Face track(YuvPicture picture, Orientation orientation, double seconds) {
        moved = false;
        // A held face is looked for again well before its patience runs out, whatever the frame rate.
        searched = searchAgain || searchNear || picturesSinceSearch >= interval
                || (face != null && seconds - lastSeen >= patienceSeconds / 2);
        picturesSinceSearch = searched ? 1 : picturesSinceSearch + 1;
        boolean look = searched || (face != null && picturesSinceLook >= detectionInterval);
        picturesSinceLook = look ? 1 : picturesSinceLook + 1;
        if (searched) {
            detect(picture, orientation, seconds);
        } else if (look) {
            Box followed = follower.follow(picture, orientation, face.box());
            if (followed != null) {
                carry(followed);
                lastSeen = seconds;
            } else {
                // Something changed around the face: the detector looks at once, near the face first.
                searchNear = true;
                interval = detectionInterval;
            }
        }
        if (face != null && seconds - lastSeen > patienceSeconds) {
            lastHeld = face.box();
            face = null;
        }
        return face;
    }

    private void detect(YuvPicture picture, Orientation orientation, double seconds) {
        boolean wholePicture = face == null || searchAgain;
        searchNear = false;
        List<Face> found = (wholePicture ? detector.detect(picture, orientation)
                : detector.detectNear(picture, orientation, face.box())).stream()
                .filter(f -> SkinRegionSampler.skinShare(picture,
                        orientation.toStored(f.box(), picture.width(), picture.height())) >= MIN_SKIN_SHARE)
                .toList();
        Face chosen = choose(found, orientation, picture);
        // A held face the local search misses is searched for in the whole picture at once.
        searchAgain = chosen == null && face != null && !searchAgain;
        if (chosen == null) {
            // While nobody is in view the whole picture, which costs several runs of the model, is searched less
            // often: down to every third interval.
            interval = face == null ? Math.min(EMPTY_STRETCH * detectionInterval, interval + detectionInterval)
                    : detectionInterval;
            return;
        }
        boolean held = face != null;
        follow(chosen);
        lastSeen = seconds;
        everFound = true;
        follower.remember(picture, orientation, face.box());
        interval = held && !moved ? Math.min(STEADY_STRETCH * detectionInterval, 2 * interval) : detectionInterval;
    }

    /** True when the box was changed by this picture's detection or by following the face. */
    public boolean moved() {
        return moved;
    }

    /** True when the detector ran on this picture. */
    public boolean searched() {
        return searched;
    }

    public boolean everFound() {
        return everFound;
    }

    /**
     * The person is chosen once and kept: while a face is held only a sighting of that face counts, so another face
     * entering, leaving or showing bigger for a moment never takes over. A face let go is taken up again where it
     * was last seen when a face shows there (the same person back in view); otherwise, and at the start, the face
     * that is largest and nearest the middle of the picture is the person scanned.
     */
    private Face choose(List<Face> found, Orientation orientation, YuvPicture picture) {
        if (found.isEmpty()) {
            return null;
        }
        if (face != null) {
            Face same = found.stream().max(Comparator.comparingDouble(f -> face.box().overlap(f.box()))).orElseThrow();
            return face.box().overlap(same.box()) >= SAME_FACE_OVERLAP ? same : null;
        }
        if (lastHeld != null) {
            Box last = lastHeld;
            Face nearest = found.stream().min(Comparator.comparingDouble(f -> distance(f.box(), last))).orElseThrow();
            if (distance(nearest.box(), last) <= last.width()) {
                return nearest;
            }
        }
        double width = orientation.swapsAxes() ? picture.height() : picture.width();
        double height = orientation.swapsAxes() ? picture.width() : picture.height();
        return found.stream().max(Comparator.comparingDouble(f -> prominence(f.box(), width, height))).orElseThrow();
    }

    /**
     * Size weighed by nearness to the middle: the person being scanned faces the camera from its middle, people
     * behind them stand to the side. A face halfway to the edge counts for half its size, one in a corner for none.
     */
    private static double prominence(Box box, double width, double height) {
        double off = Math.hypot((box.centreX() - width / 2) / width, (box.centreY() - height / 2) / height);
        return box.area() * Math.max(0, 1 - off / Math.sqrt(0.5));
    }

    private static double distance(Box a, Box b) {
        return Math.hypot(a.centreX() - b.centreX(), a.centreY() - b.centreY());
    }

    /**
     * Takes a new sighting of the face: a different face replaces the held one; the same face moves the box a
     * third of the way towards it, unless it moved less than the dead zone. The landmarks are the sighting's,
     * carried into the held box.
     */
    private void follow(Face seen) {
        if (face == null || face.box().overlap(seen.box()) < SAME_FACE_OVERLAP) {
            face = seen;
            moved = true;
            return;
        }
        Box held = face.box();
        Box box = seen.box();
        double tolerance = DEAD_ZONE * held.width();
        if (Math.abs(box.centreX() - held.centreX()) < tolerance
                && Math.abs(box.centreY() - held.centreY()) < tolerance
                && Math.abs(box.width() - held.width()) < tolerance) {
            // The keypoints jitter like the box: they are taken only when they moved beyond the same dead zone,
            // since each new placement of the skin regions costs the trace a little noise.
            Face carried = seen.movedTo(held);
            if (carried.landmarks().farthestMove(face.landmarks()) >= tolerance) {
                face = carried;
                moved = true;
            }
            return;
        }
        moved = true;
        face = seen.movedTo(new Box(
                held.x() + SMOOTHING * (box.x() - held.x()),
                held.y() + SMOOTHING * (box.y() - held.y()),
                held.width() + SMOOTHING * (box.width() - held.width()),
                held.height() + SMOOTHING * (box.height() - held.height())));
    }

    /**
     * Moves the box to where the follower found the face, straight away: its patch match is not jittery like a
     * detection, and one step costs the skin trace less than several smoothed ones.
     */
    private void carry(Box followed) {
        Box held = face.box();
        double tolerance = DEAD_ZONE * held.width();
        if (Math.abs(followed.centreX() - held.centreX()) < tolerance
                && Math.abs(followed.centreY() - held.centreY()) < tolerance) {
            return;
        }
        moved = true;
        face = face.movedTo(followed);
    }

    @Override
    public void close() {
        follower.close();
    }
}
