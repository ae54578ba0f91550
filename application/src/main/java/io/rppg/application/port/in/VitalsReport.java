package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.Vitals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's report of one scan's vitals, with the field names of the rPPG v1 API's {@code vitals} object: the
 * documented fields exactly, and extra detail beside (never instead of) them: the HRV breakdown, the method, the
 * rhythm ({@code regular}, {@code irregular} or {@code undetermined}), the heart rate over time, and the reason for
 * every null. The v1 API, webhooks and the offline analyser all speak it.
 */
public final class VitalsReport {

    private VitalsReport() {
    }

    public static Map<String, Object> of(ScanSession completed) {
        return of(completed.vitals(), completed.finishedAt().toString(),
                Duration.between(completed.videoReceivedAt(), completed.finishedAt()).toMillis());
    }

    public static Map<String, Object> of(Vitals vitals, String timestamp, long processingTimeMs) {
        var hrv = vitals.heartRateVariability().value();
        var stability = vitals.signalQuality().stabilityMeasurement();
        var body = new LinkedHashMap<String, Object>();
        body.put("heart_rate", round(vitals.heartRate().beatsPerMinute(), 1));
        body.put("respiratory_rate", vitals.respiratoryRate().value()
                .map(RespiratoryRate::breathsPerMinute).map(value -> round(value, 1)).orElse(null));
        body.put("hrv", hrv.map(HeartRateVariability::sdnnMs).map(value -> round(value, 1)).orElse(null));
        body.put("blood_pressure", null);
        body.put("confidence", round(vitals.confidence().value(), 2));
        body.put("timestamp", timestamp);
        body.put("processing_time_ms", processingTimeMs);
        var quality = new LinkedHashMap<String, Object>();
        quality.put("snr", round(vitals.signalQuality().snrDb(), 1));
        quality.put("stability", stability.value().map(value -> round(value, 2)).orElse(null));
        quality.put("periodicity", round(vitals.signalQuality().periodicity(), 2));
        body.put("signal_quality", quality);

        body.put("hrv_detail", hrv.map(VitalsReport::hrvDetail).orElse(null));
        body.put("spo2", null);
        body.put("method", vitals.method());
        body.put("analysed_seconds", round(vitals.analysedSeconds(), 1));
        body.put("frames_analysed", vitals.framesAnalysed());
        body.put("rhythm", vitals.rhythm().name().toLowerCase(java.util.Locale.ROOT));
        body.put("heart_rate_series", heartRateSeries(vitals));
        var reasons = new LinkedHashMap<String, Object>();
        if (vitals.heartRateDoubt() != null) {
            reasons.put("heart_rate", vitals.heartRateDoubt());
        }
        vitals.respiratoryRate().reasonMissing().ifPresent(reason -> reasons.put("respiratory_rate", reason));
        vitals.heartRateVariability().reasonMissing().ifPresent(reason -> reasons.put("hrv", reason));
        stability.reasonMissing().ifPresent(reason -> reasons.put("signal_quality.stability", reason));
        reasons.put("blood_pressure", Vitals.NOT_MEASURABLE_FROM_VIDEO);
        reasons.put("spo2", Vitals.NOT_MEASURABLE_FROM_VIDEO);
        body.put("unavailable", reasons);
        return body;
    }

    /**
     * The heart rate over time as {@code [{t, bpm, confidence}]}: {@code t} the middle of each 10 s window in seconds
     * from the start of the video, one a second.
     */
    public static List<Map<String, Object>> heartRateSeries(Vitals vitals) {
        return vitals.heartRateSeries().stream().map(VitalsReport::point).toList();
    }

    /**
     * The pulse waveform as {@code {sample_rate_hz, values, beats_s}}: values scaled to -1..1, beats in seconds from
     * the first value; null when the scan's waveform was not kept.
     */
    public static Map<String, Object> waveform(Vitals vitals) {
        var waveform = vitals.waveform();
        if (waveform == null) {
            return null;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("sample_rate_hz", waveform.sampleRateHz());
        body.put("values", waveform.values());
        body.put("beats_s", waveform.beatSeconds());
        return body;
    }

    /**
     * The pulse's spectrum as {@code {bpm, power, peak_bpm}}: power as a share of the strongest, the peak the one
     * taken as the heart rate; null when it was not kept.
     */
    public static Map<String, Object> spectrum(Vitals vitals) {
        var spectrum = vitals.spectrum();
        if (spectrum == null) {
            return null;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("bpm", spectrum.bpm());
        body.put("power", spectrum.power());
        body.put("peak_bpm", round(spectrum.peakBpm(), 1));
        return body;
    }

    private static Map<String, Object> point(HeartRatePoint point) {
        var body = new LinkedHashMap<String, Object>();
        body.put("t", round(point.seconds(), 1));
        body.put("bpm", round(point.bpm(), 1));
        body.put("confidence", round(point.confidence(), 2));
        return body;
    }

    private static Map<String, Object> hrvDetail(HeartRateVariability hrv) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("sdnn_ms", round(hrv.sdnnMs(), 1));
        detail.put("rmssd_ms", round(hrv.rmssdMs(), 1));
        detail.put("beats", hrv.beats());
        return detail;
    }

    /** Figures are reported to a sensible precision; the engine's own precision is not the measurement's. */
    public static double round(double value, int decimals) {
        var scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
