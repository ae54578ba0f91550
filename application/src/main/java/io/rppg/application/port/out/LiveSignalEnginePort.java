package io.rppg.application.port.out;

import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.List;

/**
 * The signal engine, fed as a stream arrives instead of from a finished file: the same trace and method code as
 * {@link SignalEnginePort}, so that a live scan ends with the figures an upload of the same recording gives.
 */
public interface LiveSignalEnginePort {

    LiveAnalysis open(Settings settings);

    /**
     * Opens the analysis of a media stream: pieces of one WebM or fragmented-MP4 recording, decoded on a worker of
     * the stream's own while they arrive, through the file engine's face and skin code. What the worker finds is
     * told to {@code listener} from that worker.
     */
    MediaAnalysis openMedia(Settings settings, MediaListener listener);

    /**
     * @param method        the rPPG method's name, as {@code RPPG_SIGNAL_METHOD} takes it
     * @param windowSeconds how much of the latest signal each live heart rate is read over
     */
    record Settings(String method, int windowSeconds) {
        public Settings {
            if (method == null || windowSeconds < 1) {
                throw new IllegalArgumentException("a live analysis needs a method and a window");
            }
        }
    }

    /** One stream's analysis. Not safe for concurrent use: its owner feeds it from one thread at a time. */
    interface LiveAnalysis {

        /**
         * Adds samples in time order (older ones than the last are ignored) and returns what became due: a window
         * for each whole second of stream from the first full window on, or the condition that prevents one.
         */
        List<Reading> addTrace(List<TraceSample> samples);

        /** Seconds of stream received so far. */
        double seconds();

        /** The whole stream's vitals, or why there are none, as the file engine would judge the same trace. */
        AnalysisOutcome finish();
    }

    /** What became due while a stream was fed. */
    sealed interface Reading {
        record Window(LiveWindow window) implements Reading {
        }

        record Condition(LiveCondition condition, double atSeconds) implements Reading {
        }
    }

    /**
     * One media stream's analysis. {@link #take} is called by one thread at a time; {@link #finish} and
     * {@link #close} may come from any thread, and end the stream's worker before they return.
     */
    interface MediaAnalysis {

        /** Queues the next piece of the recording for the decoder. */
        MediaIntake take(byte[] piece);

        /** Seconds of video received so far: decoded, and waiting to be decoded (estimated at its bitrate). */
        double seconds();

        /**
         * Ends the input, lets the worker decode what is queued and ends it, then judges the whole stream as the
         * file engine judges an upload of the same recording; or tells why the stream could not be decoded.
         */
        AnalysisOutcome finish();

        /** Ends the worker at once, dropping what is queued. Idempotent. */
        void close();
    }

    /** What became of a piece of media. */
    sealed interface MediaIntake {
        record Taken() implements MediaIntake {
        }

        /** More undecoded media waits than the stream may hold: the sender is faster than the decoder. */
        record Backlogged(long pendingBytes) implements MediaIntake {
        }

        /** The stream cannot be decoded (not WebM or MP4, a codec that cannot be opened, an earlier failure). */
        record Refused(AnalysisFailure failure) implements MediaIntake {
        }
    }

    /** What a media stream's worker tells its owner, from the worker's thread. */
    interface MediaListener {

        /** The video reached {@code seconds}; {@code readings} are those that became due (possibly none). */
        void progressed(double seconds, List<Reading> readings);

        /** The stream cannot be decoded; its worker has ended. */
        void failed(AnalysisFailure failure);
    }
}
