package io.rppg.bootstrap.wiring;

import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;
import io.rppg.application.port.out.SignalEnginePort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signal engine, chosen and tuned by configuration ({@code rppg.signal.*}). */
@Configuration(proxyBeanMethods = false)
public class SignalEngineConfiguration {

    @Bean
    SignalEnginePort signalEngine(@Value("${rppg.signal.method:auto}") String method,
                                  @Value("${rppg.signal.detection-interval:10}") int detectionInterval,
                                  @Value("${rppg.signal.max-analysed-seconds:180}") double maxAnalysedSeconds,
                                  @Value("${rppg.signal.max-processing-seconds:120}") double maxProcessingSeconds) {
        var defaults = SignalEngineConfig.defaults();
        return new RppgSignalEngineAdapter(new SignalEngineConfig(method, detectionInterval,
                defaults.facePatienceSeconds(), maxAnalysedSeconds, defaults.minFaceSeconds(), maxProcessingSeconds));
    }
}
