package io.rppg.adapter.signal;

import io.rppg.adapter.signal.probe.FfmpegVideoProbeAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signal engine, chosen and tuned by configuration ({@code rppg.signal.*}), and the probe that checks an
 * upload's container before it is accepted. The {@code analyze} command builds the same engine without Spring.
 */
@Configuration(proxyBeanMethods = false)
public class SignalEngineConfiguration {

    @Bean
    RppgSignalEngineAdapter signalEngine(@Value("${rppg.signal.method:auto}") String method,
                                         @Value("${rppg.signal.detection-interval:10}") int detectionInterval,
                                         @Value("${rppg.signal.max-analysed-seconds:180}") double maxAnalysedSeconds,
                                         @Value("${rppg.signal.max-processing-seconds:120}") double maxProcessingSeconds) {
        var defaults = SignalEngineConfig.defaults();
        return new RppgSignalEngineAdapter(new SignalEngineConfig(method, detectionInterval,
                defaults.facePatienceSeconds(), maxAnalysedSeconds, defaults.minFaceSeconds(), maxProcessingSeconds));
    }

    /** The live engine: the file engine's settings, each stream with the method and window of its device. */
    @Bean
    LiveSignalEngineAdapter liveSignalEngine(RppgSignalEngineAdapter signalEngine,
                                             @Value("${rppg.signal.detection-interval:10}") int detectionInterval,
                                             @Value("${rppg.signal.max-processing-seconds:120}") double maxProcessingSeconds) {
        var defaults = SignalEngineConfig.defaults();
        // A live stream is bounded by its device's max_seconds (at most 600 s), not by the upload's 180 s.
        return new LiveSignalEngineAdapter(new SignalEngineConfig(defaults.method(), detectionInterval,
                defaults.facePatienceSeconds(), 600, defaults.minFaceSeconds(), maxProcessingSeconds));
    }

    @Bean
    FfmpegVideoProbeAdapter videoProbe() {
        return new FfmpegVideoProbeAdapter();
    }
}
