package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.SignalEnginePort;
import org.springframework.beans.factory.ObjectProvider;

import java.nio.file.Path;

/**
 * The signal engine as the context provides it, looked up when a video is analysed. Without an engine in the
 * context every analysis is a fault of the platform: retried, and in the end failed with a processing error and
 * the scan given back. It never invents an outcome.
 */
final class LateBoundSignalEngineAdapter implements SignalEnginePort {

    private final ObjectProvider<SignalEnginePort> engines;

    LateBoundSignalEngineAdapter(ObjectProvider<SignalEnginePort> engines) {
        this.engines = engines;
    }

    @Override
    public io.rppg.domain.vitals.AnalysisOutcome analyze(Path video) {
        return engine().analyze(video);
    }

    @Override
    public String methodName() {
        var engine = engines.getIfAvailable();
        return engine == null ? "none" : engine.methodName();
    }

    private SignalEnginePort engine() {
        var engine = engines.getIfAvailable();
        if (engine == null) {
            throw new SignalEngineFault("no signal engine is configured on this node", null);
        }
        return engine;
    }
}
