package io.rppg.adapter.web.graphql;

import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scan session as the schema's {@code Session}: each method answers the field of its name. Tags, metadata and the
 * device are read in batches ({@link SessionBatches}).
 *
 * @param asOf the instant the session was read, which its status is judged at
 */
public record SessionNode(ScanSession scan, Instant asOf) {

    static final List<String> CHANNELS = List.of("R", "G", "B");

    public String id() {
        return scan.id().value();
    }

    public String name() {
        return scan.owner().value();
    }

    public String startTime() {
        return scan.createdAt().toString();
    }

    public String endTime() {
        return scan.finishedAt() == null ? null : scan.finishedAt().toString();
    }

    public String expiresAt() {
        return scan.expiresAt().toString();
    }

    public ScanStatus status() {
        return scan.statusAt(asOf);
    }

    public Map<String, Object> failure() {
        return scan.failure() == null ? null
                : Map.of("code", scan.failure().code().name(), "message", scan.failure().message());
    }

    /** The vitals report of REST with its keys in camelCase and its reasons as a list. */
    public Map<String, Object> vitals() {
        if (scan.status() != ScanStatus.COMPLETED) {
            return null;
        }
        var report = new LinkedHashMap<>(VitalsReport.of(scan));
        // As REST's vitals?include=waveform,spectrum: null when the scan's pulse was not kept.
        report.put("waveform", VitalsReport.waveform(scan.vitals()));
        report.put("spectrum", VitalsReport.spectrum(scan.vitals()));
        return VitalsView.of(report);
    }

    /** The video or stream the scan was made from: there is one once it arrived (the session left pending). */
    public List<Map<String, Object>> recordings() {
        if (scan.videoReceivedAt() == null) {
            return List.of();
        }
        var recording = new LinkedHashMap<String, Object>();
        recording.put("id", scan.id().value() + "/recording");
        recording.put("channelCount", CHANNELS.size());
        recording.put("channels", CHANNELS);
        var unavailable = new java.util.ArrayList<Map<String, Object>>();
        var vitals = scan.vitals();
        if (vitals != null) {
            recording.put("duration", VitalsReport.round(vitals.analysedSeconds(), 1));
            recording.put("sampleCount", vitals.framesAnalysed());
            recording.put("sampleRate", vitals.analysedSeconds() > 0
                    ? VitalsReport.round(vitals.framesAnalysed() / vitals.analysedSeconds(), 2) : null);
            recording.put("quality", VitalsReport.round(vitals.confidence().value(), 2));
        } else {
            var why = switch (scan.statusAt(asOf)) {
                case FAILED -> "The scan failed: " + scan.failure().message();
                default -> "The recording has not been analysed yet";
            };
            for (var field : List.of("sampleRate", "duration", "sampleCount", "quality")) {
                unavailable.add(Map.of("field", field, "reason", why));
            }
        }
        if (vitals != null && vitals.artifacts() != null) {
            recording.put("artifacts", vitals.artifacts().stream().map(artifact -> Map.<String, Object>of(
                    "type", artifact.type().name(),
                    "startTime", VitalsReport.round(artifact.startSeconds(), 2),
                    "endTime", VitalsReport.round(artifact.endSeconds(), 2))).toList());
        } else {
            unavailable.add(Map.of("field", "artifacts", "reason", vitals == null
                    ? (scan.failure() != null ? "The scan failed: " + scan.failure().message()
                            : "The recording has not been analysed yet")
                    : "Not recorded: the scan was analysed before the disturbed stretches were kept"));
        }
        recording.put("unavailable", unavailable);
        return List.of(recording);
    }

    /** The method and its heart rate over time, for a completed scan. */
    public Map<String, Object> analysis() {
        var vitals = scan.vitals();
        if (vitals == null) {
            return null;
        }
        var analysis = new LinkedHashMap<String, Object>();
        analysis.put("id", scan.id().value() + "/analysis");
        analysis.put("modelType", vitals.method());
        analysis.put("accuracy", VitalsReport.round(vitals.confidence().value(), 2));
        analysis.put("predictions", vitals.heartRateSeries().stream().map(point -> Map.<String, Object>of(
                "timestamp", VitalsReport.round(point.seconds(), 1),
                "label", "heart_rate",
                "confidence", VitalsReport.round(point.confidence(), 2),
                "value", VitalsReport.round(point.bpm(), 1),
                "unit", "bpm")).toList());
        return analysis;
    }

    static String statusName(ScanStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
