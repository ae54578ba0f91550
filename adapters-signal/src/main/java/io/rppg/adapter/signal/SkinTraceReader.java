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

/** Decodes a video picture by picture and reduces each at once to its skin colour and face position. */
final class SkinTraceReader {

    private final SignalEngineConfig config;

    SkinTraceReader(SignalEngineConfig config) {
        this.config = config;
    }

    SkinTrace read(Path video) throws UnusableVideoException {
        SkinTrace trace = new SkinTrace();
        try (VideoReader reader = VideoReader.open(video); FaceDetector detector = new FaceDetector()) {
            Orientation orientation = reader.orientation();
            FaceTracker tracker = new FaceTracker(detector, config.detectionInterval(), config.facePatienceSeconds());
            SkinSampler sampler = new SkinSampler();
            VerticalMotion motion = new VerticalMotion();
            long firstMicros = Long.MIN_VALUE;
            YuvPicture picture;
            while ((picture = reader.next()) != null) {
                if (firstMicros == Long.MIN_VALUE) {
                    firstMicros = picture.timestampMicros();
                }
                double seconds = (picture.timestampMicros() - firstMicros) / 1e6;
                if (seconds > config.maxAnalysedSeconds()) {
                    break;
                }
                trace.pictures++;
                trace.videoSeconds = seconds;
                Box face = tracker.track(picture, orientation, seconds);
                if (tracker.searched()) {
                    trace.sceneLumaSum += detector.sceneLuma();
                    trace.sceneLumaCount++;
                }
                if (face == null) {
                    continue;
                }
                int width = picture.width();
                int height = picture.height();
                List<Box> regions = SkinSampler.regionsOf(face).stream()
                        .map(r -> orientation.toStored(r, width, height))
                        .toList();
                SkinSample skin = sampler.sample(picture, regions);
                double position = motion.measure(picture, orientation.toStored(face, width, height), orientation);
                if (skin.pixels() > 0) {
                    trace.picturesWithFace++;
                    trace.add(seconds, skin.red(), skin.green(), skin.blue(), position, skin.luma());
                }
            }
            trace.faceFound = tracker.everFound();
        }
        return trace;
    }
}
