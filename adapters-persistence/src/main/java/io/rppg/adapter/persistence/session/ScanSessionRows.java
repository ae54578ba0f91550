package io.rppg.adapter.persistence.session;

import io.rppg.domain.session.ScanStatus;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads a row of {@code scan_sessions} into the entity the mapper knows, without going through JPA. */
final class ScanSessionRows {

    private ScanSessionRows() {
    }

    static ScanSessionEntity read(ResultSet row, int rowNumber) throws SQLException {
        var entity = new ScanSessionEntity();
        entity.tenantId = row.getObject("tenant_id", UUID.class);
        entity.id = row.getString("id");
        entity.owner = row.getString("owner");
        entity.status = ScanStatus.valueOf(row.getString("status"));
        entity.createdAt = instant(row, "created_at");
        entity.expiresAt = instant(row, "expires_at");
        entity.videoReceivedAt = instant(row, "video_received_at");
        entity.finishedAt = instant(row, "finished_at");
        entity.heartRateBpm = row.getObject("heart_rate_bpm", Double.class);
        entity.respiratoryRate = row.getObject("respiratory_rate", Double.class);
        entity.respiratoryRateMissing = row.getString("respiratory_rate_missing");
        entity.hrvSdnnMs = row.getObject("hrv_sdnn_ms", Double.class);
        entity.hrvRmssdMs = row.getObject("hrv_rmssd_ms", Double.class);
        entity.hrvBeats = row.getObject("hrv_beats", Integer.class);
        entity.hrvMissing = row.getString("hrv_missing");
        entity.snrDb = row.getObject("snr_db", Double.class);
        entity.stability = row.getObject("stability", Double.class);
        entity.periodicity = row.getObject("periodicity", Double.class);
        entity.confidence = row.getObject("confidence", Double.class);
        entity.method = row.getString("method");
        entity.analysedSeconds = row.getObject("analysed_seconds", Double.class);
        entity.framesAnalysed = row.getObject("frames_analysed", Integer.class);
        entity.failureCode = row.getString("failure_code");
        entity.failureMessage = row.getString("failure_message");
        entity.heartRateSeriesSeconds = doubles(row, "heart_rate_series_seconds");
        entity.heartRateSeriesBpm = doubles(row, "heart_rate_series_bpm");
        entity.heartRateSeriesConfidence = doubles(row, "heart_rate_series_confidence");
        entity.rhythm = row.getString("rhythm");
        entity.heartRateDoubt = row.getString("heart_rate_doubt");
        return entity;
    }

    /** A {@code DOUBLE PRECISION[]} column, null when the row has none. */
    private static double[] doubles(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
