package io.rppg.adapter.web.v1;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.Vitals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The v1 {@code vitals} object exactly as documented, with extra detail beside (never instead of) the documented
 * fields: the HRV breakdown, the method, and the reason for every null.
 */
final class V1VitalsView {

    private V1VitalsView() {
    }

    static Map<String, Object> of(ScanSession session) {
        Vitals vitals = session.vitals();
        var hrv = vitals.heartRateVariability().value();
        var body = new LinkedHashMap<String, Object>();
        body.put("heart_rate", round(vitals.heartRate().beatsPerMinute(), 1));
        body.put("respiratory_rate",
                vitals.respiratoryRate().value().map(RespiratoryRate::breathsPerMinute).map(v -> round(v, 1)).orElse(null));
        body.put("hrv", hrv.map(HeartRateVariability::sdnnMs).map(v -> round(v, 1)).orElse(null));
        body.put("blood_pressure", null);
        body.put("confidence", round(vitals.confidence().value(), 2));
        body.put("timestamp", session.finishedAt().toString());
        body.put("processing_time_ms", Duration.between(session.videoReceivedAt(), session.finishedAt()).toMillis());
        var quality = new LinkedHashMap<String, Object>();
        quality.put("snr", round(vitals.signalQuality().snrDb(), 1));
        quality.put("stability", round(vitals.signalQuality().stability(), 2));
        quality.put("periodicity", round(vitals.signalQuality().periodicity(), 2));
        body.put("signal_quality", quality);

        body.put("hrv_detail", hrv.map(V1VitalsView::hrvDetail).orElse(null));
        body.put("spo2", null);
        body.put("method", vitals.method());
        body.put("analysed_seconds", round(vitals.analysedSeconds(), 1));
        var reasons = new LinkedHashMap<String, Object>();
        vitals.respiratoryRate().reasonMissing().ifPresent(reason -> reasons.put("respiratory_rate", reason));
        vitals.heartRateVariability().reasonMissing().ifPresent(reason -> reasons.put("hrv", reason));
        reasons.put("blood_pressure", Vitals.NOT_MEASURABLE_FROM_VIDEO);
        reasons.put("spo2", Vitals.NOT_MEASURABLE_FROM_VIDEO);
        body.put("unavailable", reasons);
        return body;
    }

    private static Map<String, Object> hrvDetail(HeartRateVariability hrv) {
        return Map.of("sdnn_ms", round(hrv.sdnnMs(), 1), "rmssd_ms", round(hrv.rmssdMs(), 1), "beats", hrv.beats());
    }

    static double round(double value, int decimals) {
        var scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
