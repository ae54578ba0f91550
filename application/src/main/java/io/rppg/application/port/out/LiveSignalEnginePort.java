package io.rppg.application.port.out;

import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.List;

/**
 * The signal engine, fed as a stream arrives instead of from a finished file: the same trace and method code as
 * {@link SignalEnginePort}, so that a live scan ends with the figures an upload of the same recording gives.
 */
public interface LiveSignalEnginePort {

    LiveAnalysis open(Settings settings);

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
}
