package io.rppg.adapter.web.nervoscan;

import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.Vitals;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.rppg.application.port.in.VitalsReport.round;

/**
 * One job's result as Nervoscan clients read it: {@code estimates[0][i].scan_details[0]} holds the measured keys
 * ({@code HR, RR, SDNN, RMSSD}) and, as null, those this platform does not estimate ({@code SPO2, DBP, SBP}).
 */
@Component
class NervoscanResults {

    static String jobStatus(ScanSession session) {
        return switch (session.status()) {
            case COMPLETED -> "Completed";
            case FAILED, EXPIRED -> "Failed";
            case PENDING, PROCESSING -> "Pending";
        };
    }

    /** @param metaData what the client attached at upload, as parsed JSON, or null */
    Map<String, Object> estimate(ScanSession session, Object metaData) {
        var job = new LinkedHashMap<String, Object>();
        job.put("job_id", session.id().value());
        job.put("job_status", jobStatus(session));
        job.put("created_at", session.createdAt().toString());
        job.put("completed_at", session.finishedAt() == null ? null : session.finishedAt().toString());
        job.put("confidence", session.vitals() == null ? null : round(session.vitals().confidence().value(), 2));
        job.put("meta_data", metaData);
        job.put("scan_details", session.vitals() == null ? List.of() : List.of(details(session.vitals())));
        if (session.failure() != null) {
            job.put("error", Map.of("code", session.failure().code().name(), "message", session.failure().message()));
        }
        return job;
    }

    private static Map<String, Object> details(Vitals vitals) {
        var hrv = vitals.heartRateVariability().value();
        var details = new LinkedHashMap<String, Object>();
        details.put("HR", round(vitals.heartRate().beatsPerMinute(), 1));
        details.put("RR", vitals.respiratoryRate().value().map(RespiratoryRate::breathsPerMinute)
                .map(value -> round(value, 1)).orElse(null));
        details.put("SDNN", hrv.map(HeartRateVariability::sdnnMs).map(value -> round(value, 1)).orElse(null));
        details.put("RMSSD", hrv.map(HeartRateVariability::rmssdMs).map(value -> round(value, 1)).orElse(null));
        details.put("SPO2", null);
        details.put("DBP", null);
        details.put("SBP", null);
        details.put("SNR", round(vitals.signalQuality().snrDb(), 1));
        details.put("method", vitals.method());
        // Beside the keys Nervoscan clients know: the heart rate over time, as the v1 report gives it.
        details.put("heart_rate_series", VitalsReport.heartRateSeries(vitals));
        return details;
    }
}
