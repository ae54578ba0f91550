package io.rppg.adapter.signal;

import io.rppg.application.port.out.LiveSignalEnginePort;

/**
 * The live engine: each stream gets an analysis of its own, with the stream's method and window, over the file
 * engine's trace and method code.
 */
public final class LiveSignalEngineAdapter implements LiveSignalEnginePort {

    private final SignalEngineConfig base;

    public LiveSignalEngineAdapter(SignalEngineConfig base) {
        this.base = base;
    }

    @Override
    public LiveAnalysis open(Settings settings) {
        var config = new SignalEngineConfig(settings.method(), base.detectionInterval(), base.facePatienceSeconds(),
                base.maxAnalysedSeconds(), base.minFaceSeconds(), base.maxProcessingSeconds());
        return new LiveTraceAnalysis(config, settings.windowSeconds());
    }
}
