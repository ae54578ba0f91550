package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceTracker;
import io.rppg.adapter.signal.face.SkinSample;
import io.rppg.adapter.signal.face.SkinSampler;
import io.rppg.adapter.signal.face.VerticalMotion;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.file.Path;
import java.util.List;

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
        try (VideoReader reader = VideoReader.open(video); FaceDetector detector = new FaceDetector()) {
            Reduction reduction = new Reduction(reader.orientation(), detector,
                    new FaceTracker(detector, config.detectionInterval(), config.facePatienceSeconds()));
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
     * The reduction of one video, picture by picture. When the face box moves, the skin regions cover other skin,
     * whose colour differs by far more than the pulse: a step in the trace that band-passing turns into a burst of
     * false pulse. So the picture where the box moves is sampled with the old regions too, and the difference, which
     * is the step alone (the pulse is the same in both samples), is carried as an offset from then on.
     */
    private static final class Reduction {

        private final Orientation orientation;
        private final FaceDetector detector;
        private final FaceTracker tracker;
        private final SkinSampler sampler = new SkinSampler();
        private final VerticalMotion motion = new VerticalMotion();
        private final SkinTrace trace = new SkinTrace();
        private List<Box> lastRegions;
        private double redOffset;
        private double greenOffset;
        private double blueOffset;

        Reduction(Orientation orientation, FaceDetector detector, FaceTracker tracker) {
            this.orientation = orientation;
            this.detector = detector;
            this.tracker = tracker;
        }

        void add(YuvPicture picture, double seconds) {
            trace.pictures++;
            trace.videoSeconds = seconds;
            Box face = tracker.track(picture, orientation, seconds);
            if (tracker.searched()) {
                trace.sceneLumaSum += detector.sceneLuma();
                trace.sceneLumaCount++;
            }
            if (face == null) {
                lastRegions = null;
                return;
            }
            int width = picture.width();
            int height = picture.height();
            List<Box> regions = SkinSampler.regionsOf(face).stream()
                    .map(r -> orientation.toStored(r, width, height))
                    .toList();
            SkinSample skin = sampler.sample(picture, regions);
            double position = motion.measure(picture, orientation.toStored(face, width, height), orientation);
            if (skin.pixels() == 0) {
                lastRegions = null;
                return;
            }
            if (tracker.moved() && lastRegions != null) {
                SkinSample before = sampler.measure(picture, lastRegions);
                if (before.pixels() > 0) {
                    redOffset += before.red() - skin.red();
                    greenOffset += before.green() - skin.green();
                    blueOffset += before.blue() - skin.blue();
                }
            }
            lastRegions = regions;
            trace.picturesWithFace++;
            trace.add(seconds, skin.red() + redOffset, skin.green() + greenOffset, skin.blue() + blueOffset, position,
                    skin.luma(), BackgroundLight.of(picture, orientation.toStored(face, width, height)));
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
