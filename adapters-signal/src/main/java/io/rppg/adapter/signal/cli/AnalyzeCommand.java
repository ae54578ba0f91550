package io.rppg.adapter.signal.cli;

import io.rppg.adapter.signal.LiveReplay;
import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code analyze VIDEO... [--method auto|pos|chrom|green|lgi|pbv|omit] [--json] [--plot DIR]}: analyses each file
 * in turn offline; {@code --plot} also writes each file's picture, as the v1 API's {@code report.svg} draws it, to
 * {@code DIR/<file name>.svg}. With {@code --json} stdout carries exactly one JSON object per file and line, shaped like the v1 API's
 * {@code vitals} object plus {@code file}; everything else goes to stderr. Exit code 0 when every file gave vitals,
 * 1 when some did not, 2 for a usage error.
 */
public final class AnalyzeCommand {

    private static final String USAGE = "usage: analyze VIDEO... [--method " + String.join("|", RppgMethods.names())
            + "] [--json] [--plot DIR]\n       analyze --live VIDEO... [--window SECONDS] [--method ...] [--json]"
            + "\n       analyze --trace TRACE.csv... [--source face|finger] [--live] [--window SECONDS] [--json]";

    private AnalyzeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> videos = new ArrayList<>();
        String method = SignalEngineConfig.defaults().method();
        boolean json = false;
        boolean live = false;
        boolean traces = false;
        var source = LiveReplay.Source.FACE;
        int window = 10;
        Path plots = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i == 0 && arg.equals("analyze")) {
                continue;
            }
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--live")) {
                live = true;
            } else if (arg.equals("--trace")) {
                traces = true;
            } else if (arg.equals("--source") && i + 1 < args.length) {
                var named = args[++i];
                if (!named.equals("face") && !named.equals("finger")) {
                    err.println("--source is face or finger\n" + USAGE);
                    return 2;
                }
                source = named.equals("finger") ? LiveReplay.Source.FINGER : LiveReplay.Source.FACE;
            } else if (arg.equals("--window") && i + 1 < args.length) {
                try {
                    window = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    window = -1;
                }
                if (window < 6 || window > 30) {
                    err.println("--window is 6 to 30 seconds\n" + USAGE);
                    return 2;
                }
            } else if (arg.equals("--plot") && i + 1 < args.length) {
                plots = Path.of(args[++i]);
            } else if (arg.equals("--method") && i + 1 < args.length) {
                method = args[++i];
            } else if (arg.startsWith("--method=")) {
                method = arg.substring("--method=".length());
            } else if (arg.startsWith("--")) {
                err.println("unknown option " + arg + "\n" + USAGE);
                return 2;
            } else {
                videos.add(Path.of(arg));
            }
        }
        if (videos.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        if (plots != null && !Plots.usable(plots, err)) {
            return 2;
        }
        if (live || traces) {
            try {
                RppgMethods.named(method);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage() + "\n" + USAGE);
                return 2;
            }
            return replayLive(videos, traces, live, method, source, window, json, plots, out, err);
        }
        SignalEnginePort engine;
        try {
            engine = new RppgSignalEngineAdapter(SignalEngineConfig.withMethod(method));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        int failures = 0;
        for (int i = 0; i < videos.size(); i++) {
            Path video = videos.get(i);
            if (!json) {
                err.printf(Locale.ROOT, "[%d/%d] analysing %s ...%n", i + 1, videos.size(), video);
            }
            long started = System.nanoTime();
            FileResult result;
            try {
                AnalysisOutcome outcome = engine.analyze(video);
                long millis = (System.nanoTime() - started) / 1_000_000;
                result = switch (outcome) {
                    case AnalysisOutcome.Measured(var vitals) -> measured(video, vitals, millis);
                    case AnalysisOutcome.Unusable(var failure) -> unusable(video, failure, millis);
                };
                if (plots != null && !Plots.write(plots, video, outcome, err)) {
                    failures++;
                }
            } catch (SignalEnginePort.SignalEngineFault e) {
                result = fault(video, e, (System.nanoTime() - started) / 1_000_000.0);
            }
            if (!result.measured()) {
                failures++;
            }
            out.println(json ? result.json() : result.text());
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * Traces and live replays: with {@code live}, one line per window as the stream would send it, then the final
     * result as for a video.
     */
    private static int replayLive(List<Path> files, boolean traces, boolean live, String method,
                                  LiveReplay.Source source, int window, boolean json, Path plots,
                                  PrintStream out, PrintStream err) {
        int failures = 0;
        for (Path file : files) {
            long started = System.nanoTime();
            LiveReplay.Replay replay;
            try {
                replay = traces ? LiveReplay.ofTrace(LiveReplay.readTrace(file), method, source, window)
                        : LiveReplay.ofVideo(file, method, window);
            } catch (java.io.IOException | IllegalArgumentException e) {
                failures++;
                out.println(json ? new JsonLine().string("file", file.toString()).string("code", "UNREADABLE_TRACE")
                        .string("error", e.getMessage()).toString() : file + "\n  failed: " + e.getMessage());
                continue;
            } catch (SignalEnginePort.SignalEngineFault e) {
                failures++;
                out.println(json ? fault(file, e, 0).json() : fault(file, e, 0).text());
                continue;
            }
            if (live) {
                if (!json) {
                    out.println(file + " (live windows of " + window + " s)");
                }
                for (var reading : replay.readings()) {
                    out.println(json ? LiveWindows.json(file, reading) : LiveWindows.text(reading));
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            FileResult result = switch (replay.outcome()) {
                case AnalysisOutcome.Measured(var vitals) -> measured(file, vitals, millis);
                case AnalysisOutcome.Unusable(var failure) -> unusable(file, failure, millis);
            };
            if (plots != null && !Plots.write(plots, file, replay.outcome(), err)) {
                failures++;
            }
            if (!result.measured()) {
                failures++;
            }
            out.println(json ? result.json() : result.text());
        }
        return failures == 0 ? 0 : 1;
    }

    /** What is printed for one file, as a JSON line and as text, and whether it gave vitals. */
    private record FileResult(boolean measured, String json, String text) {
    }

    /** The same report the v1 API and webhooks give, so offline and online figures read alike. */
    private static FileResult measured(Path video, Vitals v, long millis) {
        JsonLine line = new JsonLine().string("file", video.toString())
                .fields(VitalsReport.of(v, Instant.now().toString(), millis));
        return new FileResult(true, line.toString(), readable(video, v, millis));
    }

    private static FileResult unusable(Path video, AnalysisFailure failure, long millis) {
        JsonLine line = new JsonLine().string("file", video.toString())
                .string("code", failure.code().name())
                .string("error", failure.message())
                .number("processing_time_ms", millis);
        return new FileResult(false, line.toString(),
                video + "\n  failed: " + failure.code() + " - " + failure.message());
    }

    private static FileResult fault(Path video, SignalEnginePort.SignalEngineFault e, double millis) {
        JsonLine line = new JsonLine().string("file", video.toString())
                .string("code", "PROCESSING_ERROR").string("error", e.getMessage())
                .number("processing_time_ms", millis);
        return new FileResult(false, line.toString(), video + "\n  failed: PROCESSING_ERROR - " + e.getMessage());
    }

    /** One figure per line for people. */
    private static String readable(Path video, Vitals v, long millis) {
        StringBuilder text = new StringBuilder(video.toString()).append('\n');
        text.append(String.format(Locale.ROOT, "  heart rate        %.1f bpm%n", v.heartRate().beatsPerMinute()));
        text.append("  respiratory rate  ").append(v.respiratoryRate().value()
                .map(r -> String.format(Locale.ROOT, "%.1f breaths/min", r.breathsPerMinute()))
                .orElseGet(() -> "not measured: " + v.respiratoryRate().reasonMissing().orElse(""))).append('\n');
        text.append("  HRV               ").append(v.heartRateVariability().value()
                .map(h -> String.format(Locale.ROOT, "SDNN %.1f ms, RMSSD %.1f ms over %d beats", h.sdnnMs(),
                        h.rmssdMs(), h.beats()))
                .orElseGet(() -> "not measured: " + v.heartRateVariability().reasonMissing().orElse(""))).append('\n');
        text.append("  blood pressure    not measured: this platform does not estimate it from face video\n");
        text.append(String.format(Locale.ROOT, "  signal quality    SNR %.1f dB, stability %s, periodicity %.2f%n",
                v.signalQuality().snrDb(), v.signalQuality().stabilityMeasurement().value()
                        .map(s -> String.format(Locale.ROOT, "%.2f", s)).orElse("not measured"),
                v.signalQuality().periodicity()));
        text.append(String.format(Locale.ROOT, "  confidence        %.2f%n", v.confidence().value()));
        text.append(String.format(Locale.ROOT, "  method %s, %.1f s of face in %d frames, %d ms", v.method(),
                v.analysedSeconds(), v.framesAnalysed(), millis));
        return text.toString();
    }
}
