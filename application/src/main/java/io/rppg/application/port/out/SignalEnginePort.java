package io.rppg.application.port.out;

import io.rppg.domain.vitals.AnalysisOutcome;

import java.nio.file.Path;

/**
 * Turns one face video into vitals. Which rPPG method runs is a matter of configuration, not of the caller.
 *
 * <p>A video the engine cannot use is an {@link AnalysisOutcome.Unusable} result. A fault of the platform
 * (out of memory, a missing native library, a disk error) is thrown as a {@link SignalEngineFault}, so the caller
 * can retry it.
 */
public interface SignalEnginePort {

    AnalysisOutcome analyze(VideoStoragePort.VideoSource video);

    /** Analyses a video file of this node. */
    default AnalysisOutcome analyze(Path video) {
        return analyze(new VideoStoragePort.VideoSource.LocalFile(video));
    }

    /** A fault of the platform while analysing: the same video may succeed on another try. */
    final class SignalEngineFault extends RuntimeException {
        public SignalEngineFault(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
