package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.Face;
import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceSkin;
import io.rppg.adapter.signal.face.FaceTracker;
import io.rppg.adapter.signal.face.SkinSample;
import io.rppg.adapter.signal.face.VerticalMotion;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

/**
 * The reduction of one video, picture by picture, shared by uploads and live media streams so that both read the
 * same trace from the same pictures: the held face's skin colour ({@link FaceSkin}, which keeps it
 * continuous when its regions move, drop out or the exposure jumps), the background's light and the face's
 * height. Where the camera's exposure jumped, the background is stitched like the skin: a step that stayed in
 * the reference alone would read as light swinging behind a face whose colour holds still.
 */
final class FaceReduction {

    private final Orientation orientation;
    private final FaceDetector detector;
    private final FaceTracker tracker;
    private final FaceSkin skin = new FaceSkin();
    private final VerticalMotion motion = new VerticalMotion();
    private final SkinTrace trace = new SkinTrace();
    private double lastBackground = Double.NaN;
    private double backgroundOffset;
    private Face lastFace;
    private SkinSample lastColour;

    FaceReduction(Orientation orientation, FaceDetector detector, FaceTracker tracker) {
        this.orientation = orientation;
        this.detector = detector;
        this.tracker = tracker;
    }

    void add(YuvPicture picture, double seconds) {
        trace.pictures++;
        trace.videoSeconds = seconds;
        Face face = tracker.track(picture, orientation, seconds);
        lastFace = face;
        lastColour = null;
        if (tracker.searched()) {
            trace.sceneLumaSum += detector.sceneLuma();
            trace.sceneLumaCount++;
        }
        if (face == null) {
            skin.lose();
            lastBackground = Double.NaN;
            trace.disturbed(TraceArtifact.Kind.FACE_LOST, seconds);
            return;
        }
        int stepsBefore = skin.exposureSteps();
        SkinSample colour = skin.sample(picture, orientation, face, seconds);
        boolean exposureStep = skin.exposureSteps() > stepsBefore;
        double background = BackgroundLight.of(picture,
                orientation.toStored(face.box(), picture.width(), picture.height()));
        if (exposureStep && !Double.isNaN(background) && !Double.isNaN(lastBackground)) {
            backgroundOffset += lastBackground - background;
        }
        lastBackground = background;
        trace.disturbed(exposureStep ? TraceArtifact.Kind.EXPOSURE_STEP
                : colour == null ? TraceArtifact.Kind.FACE_LOST
                : skin.regionsInUse().size() < skin.regionsPlaced() ? TraceArtifact.Kind.REGION_LEFT_OUT
                : null, seconds);
        Box box = orientation.toStored(face.skinFrame(), picture.width(), picture.height());
        double position = motion.measure(picture, box, orientation);
        if (colour == null) {
            return;
        }
        lastColour = colour;
        trace.picturesWithFace++;
        trace.add(seconds, colour.red(), colour.green(), colour.blue(), position, colour.luma(),
                background + backgroundOffset, colour.steps());
    }

    /** The face held in the latest picture, or null. */
    Face lastFace() {
        return lastFace;
    }

    /** The skin colour of the latest picture, or null when it gave none. */
    SkinSample lastColour() {
        return lastColour;
    }

    /** The trace so far; the live analysis reads its windows while it grows. */
    SkinTrace trace() {
        return trace;
    }

    /** The detector's light of the whole scene in the latest picture it searched, or NaN. */
    double sceneLuma() {
        return tracker.searched() ? detector.sceneLuma() : Double.NaN;
    }

    SkinTrace finish() {
        trace.faceFound = tracker.everFound();
        return trace;
    }
}
