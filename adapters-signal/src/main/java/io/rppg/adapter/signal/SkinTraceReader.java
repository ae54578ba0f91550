package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.BlazeFaceDetector;
import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceTracker;
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
            FaceReduction reduction = new FaceReduction(reader.orientation(), detector, tracker);
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

    /** The analysis ran out of time: a fault of the platform's capacity, not of the video. */
    static final class AnalysisTimeout extends RuntimeException {
        AnalysisTimeout(String message) {
            super(message);
        }
    }
}
