package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.Contact;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline replays of what a live stream gives: the windows a trace or a video would produce as it streamed, and its
 * final result. What the {@code analyze --live} and {@code --trace} commands print.
 */
public final class LiveReplay {

    /** The samples are fed to the live analysis a third of a second at a time, as an SDK sends them. */
    private static final double BATCH_SECONDS = 1.0 / 3;

    private LiveReplay() {
    }

    /** Where a trace's colour comes from: a face (the rPPG methods) or a fingertip on the camera. */
    public enum Source {
        FACE,
        FINGER
    }

    public record Replay(List<Reading> readings, AnalysisOutcome outcome) {
    }

    /**
     * A trace file: {@code t_ms,r,g,b} per line, a header line allowed.
     *
     * @throws IllegalArgumentException naming the first line that is not four numbers
     */
    public static List<TraceSample> readTrace(Path file) throws IOException {
        var samples = new ArrayList<TraceSample>();
        try (var lines = Files.lines(file)) {
            var numbered = lines.toList();
            for (int i = 0; i < numbered.size(); i++) {
                var line = numbered.get(i).strip();
                if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(0)))) {
                    continue;
                }
                var fields = line.split("[,;\\s]+");
                try {
                    samples.add(new TraceSample(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                            Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected t_ms,r,g,b");
                }
            }
        }
        return samples;
    }

    /** A trace as a live stream of it would go: its windows, then its final result. */
    public static Replay ofTrace(List<TraceSample> samples, String method, Source source, int windowSeconds) {
        var config = SignalEngineConfig.withMethod(method);
        var analysis = source == Source.FINGER
                ? new LiveTraceAnalysis(config, new Contact(), windowSeconds)
                : new LiveTraceAnalysis(config, RppgMethods.named(method), windowSeconds);
        var readings = feed(analysis, samples);
        return new Replay(readings, analysis.finish());
    }

    /**
     * A video as a live stream of it would go: the windows of its skin trace, and as the final result exactly what
     * an upload of the video gives.
     */
    public static Replay ofVideo(Path video, String method, int windowSeconds) {
        var config = SignalEngineConfig.withMethod(method);
        SkinTrace trace;
        try {
            trace = new SkinTraceReader(config).read(video);
        } catch (UnusableVideoException e) {
            return new Replay(List.of(), new AnalysisOutcome.Unusable(e.failure()));
        }
        var samples = new ArrayList<TraceSample>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            samples.add(new TraceSample(trace.seconds()[i] * 1000, clamp(trace.red()[i]), clamp(trace.green()[i]),
                    clamp(trace.blue()[i])));
        }
        var readings = feed(new LiveTraceAnalysis(config, windowSeconds), samples);
        return new Replay(readings, new RppgSignalEngineAdapter(config).analyze(video));
    }

    private static List<Reading> feed(LiveTraceAnalysis analysis, List<TraceSample> samples) {
        var readings = new ArrayList<Reading>();
        int from = 0;
        while (from < samples.size()) {
            double until = samples.get(from).millis() + BATCH_SECONDS * 1000;
            int to = from;
            while (to < samples.size() && samples.get(to).millis() < until) {
                to++;
            }
            readings.addAll(analysis.addTrace(samples.subList(from, to)));
            from = to;
        }
        return readings;
    }

    private static double clamp(double channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
