package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.nio.file.Path;

/**
 * Analyses one video and exits with 0 when it was measured. Started in a JVM of its own with a small heap, it
 * tells whether the engine fits in that heap: an engine that kept pictures or grew with the video would run out.
 */
public final class HeapProbe {

    public static void main(String[] args) {
        AnalysisOutcome outcome = new RppgSignalEngineAdapter(SignalEngineConfig.defaults()).analyze(Path.of(args[0]));
        System.exit(outcome instanceof AnalysisOutcome.Measured ? 0 : 1);
    }
}
