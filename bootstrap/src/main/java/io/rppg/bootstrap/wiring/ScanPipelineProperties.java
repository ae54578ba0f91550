package io.rppg.bootstrap.wiring;

import io.rppg.domain.job.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the scan pipeline ({@code rppg.scan.*}).
 *
 * @param retry  how often and how patiently a scan is analysed again after a fault of the platform
 * @param worker whether this node analyses videos; a node with {@code enabled: false} still accepts uploads and
 *               queues their jobs, for the nodes that work
 * @param sweep  how often unneeded videos are swept, and how old a file must be before the sweep looks at it
 */
@ConfigurationProperties(prefix = "rppg.scan")
public record ScanPipelineProperties(Retry retry, Worker worker, Sweep sweep) {

    public ScanPipelineProperties {
        retry = retry == null ? new Retry(null, null, null) : retry;
        worker = worker == null ? new Worker(null) : worker;
        sweep = sweep == null ? new Sweep(null, null) : sweep;
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

    public record Worker(Boolean enabled) {

        public boolean isEnabled() {
            return enabled == null || enabled;
        }
    }

    public record Sweep(Duration interval, Duration grace) {

        public Sweep {
            interval = interval == null ? Duration.ofHours(1) : interval;
            grace = grace == null ? Duration.ofHours(1) : grace;
        }
    }
}
