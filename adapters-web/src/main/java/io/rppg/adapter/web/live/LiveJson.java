package io.rppg.adapter.web.live;

import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.session.ScanStatus;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON of the live protocol's server messages. */
final class LiveJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private LiveJson() {
    }

    static String message(LiveMessage message, Instant now) {
        var body = new LinkedHashMap<String, Object>();
        switch (message) {
            case LiveMessage.Window(var session, var window) -> {
                body.put("type", "vitals");
                body.put("session_id", session.value());
                body.put("timestamp", now.toEpochMilli());
                body.put("t", round(window.endSeconds(), 3));
                body.put("heart_rate", round(window.heartRate(), 1));
                body.put("confidence", round(window.confidence(), 2));
                body.put("signal_quality", Map.of("snr", round(window.snrDb(), 1)));
                body.put("window_seconds", round(window.windowSeconds(), 2));
                body.put("waveform", Arrays.stream(window.waveform()).map(v -> round(v, 3)).toArray());
                body.put("waveform_rate", window.waveformRate());
                if (window.face() != null) {
                    body.put("face", Map.of("x", window.face().x(), "y", window.face().y(),
                            "w", window.face().width(), "h", window.face().height()));
                }
            }
            case LiveMessage.Status(var session, var condition, var at) -> {
                body.put("type", "status");
                body.put("session_id", session.value());
                body.put("timestamp", now.toEpochMilli());
                body.put("t", round(at, 3));
                body.put("status", condition.name().toLowerCase(Locale.ROOT));
                body.put("message", condition.message());
            }
            case LiveMessage.Ended(var session, var scan) -> {
                body.put("session_id", session.value());
                if (scan.status() == ScanStatus.COMPLETED) {
                    body.put("type", "completed");
                    body.put("vitals", VitalsReport.of(scan));
                } else {
                    body.put("type", "failed");
                    body.put("code", scan.failure().code().name());
                    body.put("error", scan.failure().message());
                }
            }
        }
        return JSON.writeValueAsString(body);
    }

    static String error(String code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "error");
        body.put("code", code);
        body.put("message", message);
        return JSON.writeValueAsString(body);
    }

    static String of(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
