package io.rppg.adapter.persistence.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.rppg.domain.session.ScanStatus;

import java.time.Instant;
import java.util.UUID;

/** A scan session as stored; {@link ScanSessionMapper} converts it to and from the domain. */
@Entity
@Table(name = "scan_sessions")
@IdClass(ScanSessionKey.class)
class ScanSessionEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;
    @Id
    String id;
    String owner;
    @Enumerated(EnumType.STRING)
    ScanStatus status;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "video_received_at")
    Instant videoReceivedAt;
    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "heart_rate_bpm")
    Double heartRateBpm;
    @Column(name = "respiratory_rate")
    Double respiratoryRate;
    @Column(name = "respiratory_rate_missing")
    String respiratoryRateMissing;
    @Column(name = "hrv_sdnn_ms")
    Double hrvSdnnMs;
    @Column(name = "hrv_rmssd_ms")
    Double hrvRmssdMs;
    @Column(name = "hrv_beats")
    Integer hrvBeats;
    @Column(name = "hrv_missing")
    String hrvMissing;
    @Column(name = "snr_db")
    Double snrDb;
    Double stability;
    Double periodicity;
    Double confidence;
    String method;
    @Column(name = "analysed_seconds")
    Double analysedSeconds;
    @Column(name = "frames_analysed")
    Integer framesAnalysed;
    @Column(name = "heart_rate_series_seconds")
    double[] heartRateSeriesSeconds;
    @Column(name = "heart_rate_series_bpm")
    double[] heartRateSeriesBpm;
    @Column(name = "heart_rate_series_confidence")
    double[] heartRateSeriesConfidence;
    String rhythm;
    @Column(name = "heart_rate_doubt")
    String heartRateDoubt;

    @Column(name = "failure_code")
    String failureCode;
    @Column(name = "failure_message")
    String failureMessage;

    protected ScanSessionEntity() {
    }
}
