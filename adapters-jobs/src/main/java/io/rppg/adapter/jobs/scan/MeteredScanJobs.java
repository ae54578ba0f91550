package io.rppg.adapter.jobs.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rppg.adapter.jobs.JobMetricNames;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.domain.session.ScanSession;

import java.time.Duration;

/**
 * The worker's use case, measured: scans completed and failed (by reason), and for the attempt that ended a scan,
 * how long it waited in the queue after the upload and how long its analysis took.
 */
final class MeteredScanJobs implements ProcessScanJobUseCase {

    private final ProcessScanJobUseCase jobs;
    private final MeterRegistry registry;
    private final ClockPort clock;
    private final Timer analysis;
    private final Timer queueWait;
    private final Timer processing;
    private final Counter completed;

    MeteredScanJobs(ProcessScanJobUseCase jobs, MeterRegistry registry, ClockPort clock) {
        this.jobs = jobs;
        this.registry = registry;
        this.clock = clock;
        this.analysis = histogram(JobMetricNames.SCAN_ANALYSIS, "Decoding and analysis of the attempt that ended a scan");
        this.queueWait = histogram(JobMetricNames.SCAN_QUEUE_WAIT, "From upload to the start of the ending attempt");
        this.processing = histogram(JobMetricNames.SCAN_PROCESSING, "From upload to stored result");
        this.completed = Counter.builder(JobMetricNames.SCANS_COMPLETED).register(registry);
    }

    @Override
    public JobOutcome process(Command command) {
        var started = clock.now();
        var outcome = jobs.process(command);
        switch (outcome) {
            case JobOutcome.Completed(var session) -> {
                completed.increment();
                recordTimes(session, started);
            }
            case JobOutcome.FailedUnusable(var session) -> {
                failed(session);
                recordTimes(session, started);
            }
            case JobOutcome.GaveUp(var session) -> failed(session);
            case JobOutcome.RetryLater retry -> {
                // The attempt ended nothing: the scan's times are recorded by the attempt that ends it.
            }
            case JobOutcome.NothingToDo nothing -> {
                // Another attempt or node already ended this scan.
            }
        }
        return outcome;
    }

    private void recordTimes(ScanSession session, java.time.Instant attemptStarted) {
        analysis.record(Duration.between(attemptStarted, session.finishedAt()));
        queueWait.record(Duration.between(session.videoReceivedAt(), attemptStarted));
        processing.record(session.turnaround());
    }

    private void failed(ScanSession session) {
        Counter.builder(JobMetricNames.SCANS_FAILED).tag(JobMetricNames.REASON, session.failure().code().name())
                .register(registry).increment();
    }

    private Timer histogram(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }
}
