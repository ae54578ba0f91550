package io.rppg.adapter.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** What the HTTP surfaces measure of scans: sessions opened, and uploads in flight with their sizes. */
@Component
public class ScanMeters {

    private final MeterRegistry registry;
    private final AtomicInteger uploadsInFlight = new AtomicInteger();

    public ScanMeters(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge(MetricNames.UPLOADS_IN_FLIGHT, uploadsInFlight);
    }

    public void sessionCreated(String surface) {
        Counter.builder(MetricNames.SCANS_CREATED).tag(MetricNames.SURFACE, surface).register(registry).increment();
    }

    /** Runs the upload while counting it in flight, and records its size. */
    public <T> T upload(String surface, long bytes, Supplier<T> receive) {
        uploadsInFlight.incrementAndGet();
        try {
            return receive.get();
        } finally {
            uploadsInFlight.decrementAndGet();
            DistributionSummary.builder(MetricNames.UPLOAD_SIZE).baseUnit("bytes")
                    .tag(MetricNames.SURFACE, surface).register(registry).record(bytes);
        }
    }
}
