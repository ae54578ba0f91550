package io.rppg.adapter.grpc;

import io.rppg.adapter.grpc.v1.Condition;
import io.rppg.adapter.grpc.v1.FaceBox;
import io.rppg.adapter.grpc.v1.HeartRatePoint;
import io.rppg.adapter.grpc.v1.HrvDetail;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.ScanStatus;
import io.rppg.adapter.grpc.v1.ScanSummary;
import io.rppg.adapter.grpc.v1.SignalQuality;
import io.rppg.adapter.grpc.v1.StreamConfig;
import io.rppg.adapter.grpc.v1.StreamStarted;
import io.rppg.adapter.grpc.v1.Vitals;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.adapter.grpc.v1.Window;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.session.ScanSession;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protobuf shapes of scans and live messages. Vitals are read from the product's {@link VitalsReport}, so the
 * figures (and their rounding) are the v1 API's to the digit.
 */
final class ScanMessages {

    private ScanMessages() {
    }

    static ScanResult result(ScanSession session, Instant asOf) {
        var result = ScanResult.newBuilder()
                .setSessionId(session.id().value())
                .setStatus(status(session.statusAt(asOf)));
        switch (session.status()) {
            case COMPLETED -> result.setVitals(vitals(VitalsReport.of(session)));
            case FAILED -> result.setError(session.failure().message())
                    .setErrorCode(session.failure().code().name());
            default -> {
            }
        }
        return result.build();
    }

    static ScanSummary summary(ScanSession session, Instant asOf) {
        var summary = ScanSummary.newBuilder()
                .setSessionId(session.id().value())
                .setStatus(status(session.statusAt(asOf)))
                .setCreatedAt(session.createdAt().toString())
                .setExpiresAt(session.expiresAt().toString())
                .setOwner(session.owner().value());
        if (session.finishedAt() != null) {
            summary.setCompletedAt(session.finishedAt().toString());
        }
        if (session.vitals() != null) {
            summary.setHeartRate(VitalsReport.round(session.vitals().heartRate().beatsPerMinute(), 1));
        }
        if (session.failure() != null) {
            summary.setError(session.failure().message());
        }
        return summary.build();
    }

    static ScanStatus status(io.rppg.domain.session.ScanStatus status) {
        return switch (status) {
            case PENDING -> ScanStatus.PENDING;
            case PROCESSING -> ScanStatus.PROCESSING;
            case COMPLETED -> ScanStatus.COMPLETED;
            case FAILED -> ScanStatus.FAILED;
            case EXPIRED -> ScanStatus.EXPIRED;
        };
    }

    /** The scan status a list filter names; null for every status. */
    static io.rppg.domain.session.ScanStatus filter(ScanStatus status) {
        return switch (status) {
            case SCAN_STATUS_UNSPECIFIED -> null;
            case PENDING -> io.rppg.domain.session.ScanStatus.PENDING;
            case PROCESSING -> io.rppg.domain.session.ScanStatus.PROCESSING;
            case COMPLETED -> io.rppg.domain.session.ScanStatus.COMPLETED;
            case FAILED -> io.rppg.domain.session.ScanStatus.FAILED;
            case EXPIRED -> io.rppg.domain.session.ScanStatus.EXPIRED;
            case UNRECOGNIZED -> throw Refusals.invalid("status must be one of PENDING, PROCESSING, COMPLETED, "
                    + "FAILED, EXPIRED");
        };
    }

    static StreamStarted started(LiveStreamUseCase.Stream stream) {
        var started = StreamStarted.newBuilder()
                .setStreamId(stream.id().value())
                .setSessionId(stream.session().value())
                .setStartedAt(stream.startedAt().toString())
                .setConfig(config(stream.config()));
        if (stream.device() != null) {
            started.setDeviceId(stream.device().value());
        }
        return started.build();
    }

    static VitalsWindow live(LiveMessage message, Instant now) {
        var out = VitalsWindow.newBuilder()
                .setSessionId(message.session().value())
                .setTimestamp(now.toEpochMilli());
        switch (message) {
            case LiveMessage.Window(var session, var window) -> {
                var built = Window.newBuilder()
                        .setT(round(window.endSeconds(), 3))
                        .setHeartRate(round(window.heartRate(), 1))
                        .setConfidence(round(window.confidence(), 2))
                        .setSnr(round(window.snrDb(), 1))
                        .setWindowSeconds(round(window.windowSeconds(), 2))
                        .setWaveformRate(window.waveformRate());
                for (double value : window.waveform()) {
                    built.addWaveform(round(value, 3));
                }
                if (window.face() != null) {
                    built.setFace(FaceBox.newBuilder().setX(window.face().x()).setY(window.face().y())
                            .setW(window.face().width()).setH(window.face().height()));
                }
                out.setWindow(built);
            }
            case LiveMessage.Status(var session, var condition, var at) -> out.setCondition(Condition.newBuilder()
                    .setT(round(at, 3))
                    .setStatus(condition.name().toLowerCase(Locale.ROOT))
                    .setMessage(condition.message()));
            case LiveMessage.Ended(var session, var scan) -> out.setEnded(result(scan, now));
        }
        return out.build();
    }

    private static StreamConfig config(DeviceConfig config) {
        return StreamConfig.newBuilder()
                .setFps(config.fps())
                .setMaxSeconds(config.maxSeconds())
                .setWindowSeconds(config.windowSeconds())
                .setMethod(config.method())
                .setInput(config.input().wireName())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Vitals vitals(Map<String, Object> report) {
        var vitals = Vitals.newBuilder()
                .setHeartRate(number(report, "heart_rate"))
                .setConfidence(number(report, "confidence"))
                .setTimestamp((String) report.get("timestamp"))
                .setProcessingTimeMs(((Number) report.get("processing_time_ms")).longValue())
                .setMethod((String) report.get("method"))
                .setAnalysedSeconds(number(report, "analysed_seconds"))
                .setFramesAnalysed(((Number) report.get("frames_analysed")).intValue())
                .setRhythm((String) report.get("rhythm"));
        if (report.get("respiratory_rate") instanceof Number rate) {
            vitals.setRespiratoryRate(rate.doubleValue());
        }
        if (report.get("hrv") instanceof Number hrv) {
            vitals.setHrv(hrv.doubleValue());
        }
        var quality = (Map<String, Object>) report.get("signal_quality");
        var signalQuality = SignalQuality.newBuilder()
                .setSnr(number(quality, "snr"))
                .setPeriodicity(number(quality, "periodicity"));
        if (quality.get("stability") instanceof Number stability) {
            signalQuality.setStability(stability.doubleValue());
        }
        vitals.setSignalQuality(signalQuality);
        if (report.get("hrv_detail") instanceof Map<?, ?> detail) {
            var hrv = (Map<String, Object>) detail;
            vitals.setHrvDetail(HrvDetail.newBuilder()
                    .setSdnnMs(number(hrv, "sdnn_ms"))
                    .setRmssdMs(number(hrv, "rmssd_ms"))
                    .setBeats(((Number) hrv.get("beats")).intValue()));
        }
        for (var point : (List<Map<String, Object>>) report.get("heart_rate_series")) {
            vitals.addHeartRateSeries(HeartRatePoint.newBuilder()
                    .setT(number(point, "t"))
                    .setBpm(number(point, "bpm"))
                    .setConfidence(number(point, "confidence")));
        }
        ((Map<String, Object>) report.get("unavailable"))
                .forEach((field, reason) -> vitals.putUnavailable(field, String.valueOf(reason)));
        return vitals.build();
    }

    private static double number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).doubleValue();
    }

    private static double round(double value, int decimals) {
        return VitalsReport.round(value, decimals);
    }
}
