package io.rppg.bootstrap.pipeline;

import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for the real engine in the pipeline tests. It reads the video it is given and does what the
 * video's own metadata comment asks ({@code engine:unusable:NO_FACE_DETECTED}, {@code engine:fault-times:2},
 * {@code engine:fault-always}); a video without such a comment is measured at the heart rate it names
 * ({@code engine:bpm:NN}, 70 when absent). It counts its calls per file name.
 */
public final class MarkedVideoSignalEngine implements SignalEnginePort {

    private static final Pattern UNUSABLE = Pattern.compile("engine:unusable:([A-Z_]+)");
    private static final Pattern FAULT_TIMES = Pattern.compile("engine:fault-times:(\\d+)");
    private static final Pattern BPM = Pattern.compile("engine:bpm:(\\d+)");

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public AnalysisOutcome analyze(VideoSource video) {
        int call = calls.computeIfAbsent(sessionOf(video), k -> new AtomicInteger()).incrementAndGet();
        String bytes;
        try (var in = video.openAt(0)) {
            bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var unusable = UNUSABLE.matcher(bytes);
        if (unusable.find()) {
            return new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.valueOf(unusable.group(1))));
        }
        if (bytes.contains("engine:fault-always")) {
            throw new SignalEngineFault("scripted fault on call " + call, null);
        }
        var faults = FAULT_TIMES.matcher(bytes);
        if (faults.find() && call <= Integer.parseInt(faults.group(1))) {
            throw new SignalEngineFault("scripted fault on call " + call, null);
        }
        var bpm = BPM.matcher(bytes);
        double heartRate = bpm.find() ? Integer.parseInt(bpm.group(1)) : 70;
        return new AnalysisOutcome.Measured(new Vitals(new HeartRate(heartRate),
                Measurement.notMeasured("test engine"), Measurement.notMeasured("test engine"),
                new SignalQuality(8, 0.9, 0.9), new Confidence(0.9), "marked", 2, 20));
    }

    public int callsFor(String sessionId) {
        var count = calls.get(sessionId);
        return count == null ? 0 : count.get();
    }

    private static String sessionOf(VideoSource video) {
        var name = video.name();
        return name.substring(0, name.indexOf('.'));
    }
}
