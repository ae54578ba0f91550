package io.rppg.adapter.signal;

import io.rppg.application.port.out.LiveSignalEnginePort;

/**
 * The live engine: each stream gets an analysis of its own, with the stream's method and window, over the file
 * engine's trace and method code; a media stream also over its decoder and face code.
 */
public final class LiveSignalEngineAdapter implements LiveSignalEnginePort {

    private final SignalEngineConfig base;

    public LiveSignalEngineAdapter(SignalEngineConfig base) {
        this.base = base;
    }

    @Override
    public LiveAnalysis open(Settings settings) {
        return new LiveTraceAnalysis(configOf(settings), settings.windowSeconds());
    }

    @Override
    public MediaAnalysis openMedia(Settings settings, MediaListener listener) {
        return new LiveMediaAnalysis(configOf(settings), settings.windowSeconds(), listener);
    }

    private SignalEngineConfig configOf(Settings settings) {
        return new SignalEngineConfig(settings.method(), base.detectionInterval(), base.facePatienceSeconds(),
                base.maxAnalysedSeconds(), base.minFaceSeconds(), base.maxProcessingSeconds());
    }
}
