package io.rppg.bootstrap.wiring;

import io.rppg.domain.job.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the scan pipeline ({@code rppg.scan.*}).
 *
 * @param retry how often and how patiently a scan is analysed again after a fault of the platform
 */
@ConfigurationProperties(prefix = "rppg.scan")
public record ScanPipelineProperties(Retry retry) {

    public ScanPipelineProperties {
        retry = retry == null ? new Retry(null, null, null) : retry;
    }

    public record Retry(Integer maxAttempts, Duration firstDelay, Duration maxDelay) {

        public RetryPolicy policy() {
            var defaults = RetryPolicy.DEFAULT;
            return new RetryPolicy(
                    maxAttempts == null ? defaults.maxAttempts() : maxAttempts,
                    firstDelay == null ? defaults.firstDelay() : firstDelay,
                    maxDelay == null ? defaults.maxDelay() : maxDelay);
        }
    }
}
