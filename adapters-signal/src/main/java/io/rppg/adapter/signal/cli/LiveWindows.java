package io.rppg.adapter.signal.cli;

import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.LiveCondition;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line per live window, as the stream's {@code vitals} and {@code status} messages carry it, plus {@code file}
 * and {@code t} (seconds from the start of the recording to the window's end).
 */
final class LiveWindows {

    private LiveWindows() {
    }

    static String json(Path file, Reading reading) {
        var line = new JsonLine().string("file", file.toString());
        return switch (reading) {
            case Reading.Window(var window) -> {
                Map<String, Object> quality = new LinkedHashMap<>();
                quality.put("snr", round(window.snrDb(), 1));
                yield line.string("type", "vitals").number("t", window.endSeconds())
                        .number("heart_rate", round(window.heartRate(), 1))
                        .number("confidence", round(window.confidence(), 2))
                        .fields(Map.of("signal_quality", quality))
                        .number("window_seconds", round(window.windowSeconds(), 2)).toString();
            }
            case Reading.Condition(var condition, var at) -> line.string("type", "status").number("t", at)
                    .string("status", condition.name().toLowerCase(Locale.ROOT))
                    .string("message", condition.message()).toString();
        };
    }

    static String text(Reading reading) {
        return switch (reading) {
            case Reading.Window(var window) -> String.format(Locale.ROOT,
                    "  t=%5.1f s  heart rate %5.1f bpm  confidence %.2f  SNR %5.1f dB", window.endSeconds(),
                    window.heartRate(), window.confidence(), window.snrDb());
            case Reading.Condition(LiveCondition condition, double at) ->
                    String.format(Locale.ROOT, "  t=%5.1f s  %s", at, condition.message());
        };
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
