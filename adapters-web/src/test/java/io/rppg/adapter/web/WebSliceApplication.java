package io.rppg.adapter.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The web adapter alone: its controllers, security configuration and error handler. The use cases behind them are
 * mocks, declared by {@link WebSliceTest}.
 */
@SpringBootApplication
class WebSliceApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
