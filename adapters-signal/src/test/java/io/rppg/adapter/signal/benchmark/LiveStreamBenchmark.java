package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.LiveSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;
import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.TraceSample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one live trace stream costs the server: the time from the sample that completes a second to its window's
 * result, the CPU a stream of 30 samples a second takes (and so how many streams two cores keep at real time), and
 * the heap a stream holds at its longest ({@code max_seconds} 300).
 *
 * <pre>./mvnw -B -ntp -pl adapters-signal -am verify -Pbenchmark -Dtest=LiveStreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class LiveStreamBenchmark {

    private static final double RATE = 30;
    private final LiveSignalEngineAdapter engine = new LiveSignalEngineAdapter(SignalEngineConfig.defaults());

    @Test
    void latencyCpuAndMemoryOfALiveStream() {
        var samples = SkinColourTrace.of(72, 120, RATE, 9);
        // Warm the JIT on one stream first, as a running server is.
        stream(samples);

        var threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        var latencies = stream(samples);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double coreShare = cpuSeconds / 120;
        Arrays.sort(latencies);
        double median = latencies[latencies.length / 2];
        double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];

        long heap = retainedBytesPerStream(SkinColourTrace.of(72, 300, RATE, 10), 40);
        System.out.printf(Locale.ROOT, "LIVE windows %d: latency median %.1f ms, p99 %.1f ms; CPU %.3f s per 120 s "
                        + "stream = %.2f%% of a core: %d streams on 2 cores at real time; heap %.0f KB per 300 s stream%n",
                latencies.length, median, p99, cpuSeconds, 100 * coreShare, (int) Math.floor(2 / coreShare),
                heap / 1024.0);
        assertThat(p99).as("p99 window latency, ms").isLessThan(1000);
    }

    /** Streams the trace in thirds of a second; returns each window's compute time in ms. */
    private double[] stream(List<TraceSample> samples) {
        var analysis = engine.open(new LiveSignalEnginePort.Settings("auto", 10));
        var latencies = new ArrayList<Double>();
        for (int from = 0; from < samples.size(); from += 10) {
            long start = System.nanoTime();
            List<Reading> due = analysis.addTrace(samples.subList(from, Math.min(samples.size(), from + 10)));
            double ms = (System.nanoTime() - start) / 1e6;
            if (!due.isEmpty()) {
                latencies.add(ms);
            }
        }
        analysis.finish();
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private long retainedBytesPerStream(List<TraceSample> samples, int streams) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        var held = new ArrayList<LiveSignalEnginePort.LiveAnalysis>();
        for (int i = 0; i < streams; i++) {
            var analysis = engine.open(new LiveSignalEnginePort.Settings("auto", 10));
            for (int from = 0; from < samples.size(); from += 300) {
                analysis.addTrace(samples.subList(from, Math.min(samples.size(), from + 300)));
            }
            held.add(analysis);
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        assertThat(held).hasSize(streams);
        return Math.max(0, after - before) / streams;
    }
}
