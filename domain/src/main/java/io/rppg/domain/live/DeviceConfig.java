package io.rppg.domain.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a device streams: its frame rate, the longest stream, the window each live heart rate is read over, the rPPG
 * method and the kind of input. A config that exists is valid; a change is checked by {@link #apply(Change)}, which
 * names every field it refuses.
 */
public record DeviceConfig(int fps, int maxSeconds, int windowSeconds, String method, LiveInput input) {

    public static final Set<String> METHODS = Set.of("auto", "pos", "chrom", "green", "lgi", "omit", "pbv");
    public static final int MIN_FPS = 10, MAX_FPS = 60;
    public static final int MIN_MAX_SECONDS = 15, MAX_MAX_SECONDS = 600;
    /** A heart rate needs several beats at the slowest rate (42 bpm): 6 s; beyond 30 s a window stops being live. */
    public static final int MIN_WINDOW_SECONDS = 6, MAX_WINDOW_SECONDS = 30;

    public static final DeviceConfig DEFAULT = new DeviceConfig(30, 300, 10, "auto", LiveInput.TRACE);

    public DeviceConfig {
        var problems = problemsOf(fps, maxSeconds, windowSeconds, method, input);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid device config: " + problems);
        }
    }

    /** A partial change: null fields keep their value. */
    public record Change(Integer fps, Integer maxSeconds, Integer windowSeconds, String method, LiveInput input) {
    }

    /** The outcome of a change: the new config, or each refused field with the reason. */
    public sealed interface Outcome {
        record Valid(DeviceConfig config) implements Outcome {
        }

        record Invalid(Map<String, String> problems) implements Outcome {
            public Invalid {
                problems = Map.copyOf(problems);
            }
        }
    }

    public Outcome apply(Change change) {
        int newFps = change.fps() == null ? fps : change.fps();
        int newMax = change.maxSeconds() == null ? maxSeconds : change.maxSeconds();
        int newWindow = change.windowSeconds() == null ? windowSeconds : change.windowSeconds();
        String newMethod = change.method() == null ? method : change.method();
        LiveInput newInput = change.input() == null ? input : change.input();
        var problems = problemsOf(newFps, newMax, newWindow, newMethod, newInput);
        return problems.isEmpty() ? new Outcome.Valid(new DeviceConfig(newFps, newMax, newWindow, newMethod, newInput))
                : new Outcome.Invalid(problems);
    }

    private static Map<String, String> problemsOf(int fps, int maxSeconds, int windowSeconds, String method,
                                                  LiveInput input) {
        var problems = new LinkedHashMap<String, String>();
        if (fps < MIN_FPS || fps > MAX_FPS) {
            problems.put("fps", "must be between " + MIN_FPS + " and " + MAX_FPS);
        }
        if (maxSeconds < MIN_MAX_SECONDS || maxSeconds > MAX_MAX_SECONDS) {
            problems.put("max_seconds", "must be between " + MIN_MAX_SECONDS + " and " + MAX_MAX_SECONDS);
        }
        if (windowSeconds < MIN_WINDOW_SECONDS || windowSeconds > MAX_WINDOW_SECONDS) {
            problems.put("window_seconds", "must be between " + MIN_WINDOW_SECONDS + " and " + MAX_WINDOW_SECONDS);
        } else if (windowSeconds > maxSeconds) {
            problems.put("window_seconds", "must not exceed max_seconds");
        }
        if (method == null || !METHODS.contains(method)) {
            problems.put("method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
        }
        if (input == null) {
            problems.put("input", "must be media or trace");
        }
        return problems;
    }
}
