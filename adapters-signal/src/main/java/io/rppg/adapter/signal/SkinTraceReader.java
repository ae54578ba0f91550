package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.BlazeFaceDetector;
import io.rppg.adapter.signal.face.Face;
import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceTracker;
import io.rppg.adapter.signal.face.SkinSample;
import io.rppg.adapter.signal.face.FaceSkin;
import io.rppg.adapter.signal.face.VerticalMotion;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;

import java.nio.file.Path;

/**
 * Decodes a video picture by picture and reduces each to its skin colour and face position, in the decoder's own
 * buffers and on the caller's thread. FFmpeg decodes the next pictures on its own threads meanwhile, so the two
 * cores stay busy without copying pictures between threads; only numbers outlive a picture.
 */
final class SkinTraceReader {

    private final SignalEngineConfig config;

    SkinTraceReader(SignalEngineConfig config) {
        this.config = config;
    }

    SkinTrace read(Path video) throws UnusableVideoException {
        return read(new VideoSource.LocalFile(video));
    }

    SkinTrace read(VideoSource video) throws UnusableVideoException {
        try (VideoReader reader = VideoReader.open(video); FaceDetector detector = new BlazeFaceDetector();
             FaceTracker tracker = new FaceTracker(detector, config.detectionInterval(), config.facePatienceSeconds())) {
            Reduction reduction = new Reduction(reader.orientation(), detector, tracker);
            long deadline = System.nanoTime() + (long) (config.maxProcessingSeconds() * 1e9);
            long first = Long.MIN_VALUE;
            YuvPicture picture;
            while ((picture = reader.next()) != null) {
                if (System.nanoTime() > deadline) {
                    throw new AnalysisTimeout("analysis exceeded its budget of " + config.maxProcessingSeconds() + " s");
                }
                if (first == Long.MIN_VALUE) {
                    first = picture.timestampMicros();
                }
                double seconds = (picture.timestampMicros() - first) / 1e6;
                if (seconds > config.maxAnalysedSeconds()) {
                    break;
                }
                reduction.add(picture, seconds);
            }
            return reduction.finish();
        }
    }

    /**
     * The reduction of one video, picture by picture: the held face's skin colour ({@link FaceSkin}, which keeps it
     * continuous when its regions move, drop out or the exposure jumps), the background's light and the face's
     * height. Where the camera's exposure jumped, the background is stitched like the skin: a step that stayed in
     * the reference alone would read as light swinging behind a face whose colour holds still.
     */
    private static final class Reduction {

        private final Orientation orientation;
        private final FaceDetector detector;
        private final FaceTracker tracker;
        private final FaceSkin skin = new FaceSkin();
        private final VerticalMotion motion = new VerticalMotion();
        private final SkinTrace trace = new SkinTrace();
        private double lastBackground = Double.NaN;
        private double backgroundOffset;

        Reduction(Orientation orientation, FaceDetector detector, FaceTracker tracker) {
            this.orientation = orientation;
            this.detector = detector;
            this.tracker = tracker;
        }

        void add(YuvPicture picture, double seconds) {
            trace.pictures++;
            trace.videoSeconds = seconds;
            Face face = tracker.track(picture, orientation, seconds);
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
            trace.picturesWithFace++;
            trace.add(seconds, colour.red(), colour.green(), colour.blue(), position, colour.luma(),
                    background + backgroundOffset);
        }

        SkinTrace finish() {
            trace.faceFound = tracker.everFound();
            return trace;
        }
    }

    /** The analysis ran out of time: a fault of the platform's capacity, not of the video. */
    static final class AnalysisTimeout extends RuntimeException {
        AnalysisTimeout(String message) {
            super(message);
        }
    }
}
