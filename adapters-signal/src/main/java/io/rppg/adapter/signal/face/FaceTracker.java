package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps one face box across the video: runs the detector every few pictures, follows the same person when
 * several faces show (the one overlapping the current box, else the largest), smooths the box so that detector
 * jitter does not move the skin regions, and lets the face go when it has been missing for too long. A face that
 * holds still is looked for less often (up to {@value #STEADY_STRETCH} times the interval), since each detection
 * costs more than all the other work on a picture; any movement or miss brings the interval back.
 */
public final class FaceTracker {

    private static final double SMOOTHING = 0.3;
    /** Detector jitter below this share of the face width is ignored: a still face keeps still skin regions. */
    private static final double DEAD_ZONE = 0.04;
    private static final double SAME_FACE_OVERLAP = 0.25;
    private static final double MIN_SKIN_SHARE = 0.3;
    private static final int STEADY_STRETCH = 3;

    private final FaceDetector detector;
    private final int detectionInterval;
    private final double patienceSeconds;
    private Box face;
    private double lastSeen = Double.NEGATIVE_INFINITY;
    private boolean everFound;
    private boolean moved;
    private boolean searched;
    private int picturesSinceSearch;
    private int interval;
    private boolean searchAgain;

    /**
     * @param detectionInterval run the detector on every n-th picture
     * @param patienceSeconds   how long a face may go undetected before it counts as lost
     */
    public FaceTracker(FaceDetector detector, int detectionInterval, double patienceSeconds) {
        this.detector = detector;
        this.detectionInterval = Math.max(1, detectionInterval);
        this.interval = this.detectionInterval;
        this.picturesSinceSearch = this.detectionInterval;
        this.patienceSeconds = patienceSeconds;
    }

    /** The upright face box for this picture, or null while no face is held. */
    public Box track(YuvPicture picture, Orientation orientation, double seconds) {
        moved = false;
        // A held face is looked for again well before its patience runs out, whatever the frame rate.
        searched = searchAgain || picturesSinceSearch >= interval
                || (face != null && seconds - lastSeen >= patienceSeconds / 2);
        picturesSinceSearch = searched ? 1 : picturesSinceSearch + 1;
        if (searched) {
            boolean wholePicture = face == null || searchAgain;
            List<Box> found = (wholePicture ? detector.detect(picture, orientation)
                    : detector.detectNear(picture, orientation, face)).stream()
                    .filter(box -> SkinSampler.skinShare(picture,
                            orientation.toStored(box, picture.width(), picture.height())) >= MIN_SKIN_SHARE)
                    .toList();
            // A held face the local search misses is searched for in the whole picture at once.
            searchAgain = found.isEmpty() && face != null && !searchAgain;
            if (!found.isEmpty()) {
                boolean held = face != null;
                follow(choose(found));
                lastSeen = seconds;
                everFound = true;
                interval = held && !moved ? Math.min(STEADY_STRETCH * detectionInterval, interval + detectionInterval)
                        : detectionInterval;
            } else {
                interval = detectionInterval;
            }
        }
        if (face != null && seconds - lastSeen > patienceSeconds) {
            face = null;
        }
        return face;
    }

    /** True when the box was changed by this picture's detection. */
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

    private Box choose(List<Box> found) {
        if (face != null) {
            Box same = found.stream().max(Comparator.comparingDouble(face::overlap)).orElseThrow();
            if (face.overlap(same) >= SAME_FACE_OVERLAP) {
                return same;
            }
        }
        return found.stream().max(Comparator.comparingDouble(Box::area)).orElseThrow();
    }

    private void follow(Box detected) {
        if (face == null || face.overlap(detected) < SAME_FACE_OVERLAP) {
            face = detected;
            moved = true;
            return;
        }
        double tolerance = DEAD_ZONE * face.width();
        if (Math.abs(detected.centreX() - face.centreX()) < tolerance
                && Math.abs(detected.centreY() - face.centreY()) < tolerance
                && Math.abs(detected.width() - face.width()) < tolerance) {
            return;
        }
        moved = true;
        face = new Box(
                face.x() + SMOOTHING * (detected.x() - face.x()),
                face.y() + SMOOTHING * (detected.y() - face.y()),
                face.width() + SMOOTHING * (detected.width() - face.width()),
                face.height() + SMOOTHING * (detected.height() - face.height()));
    }
}
