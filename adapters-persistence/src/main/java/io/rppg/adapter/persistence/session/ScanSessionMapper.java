package io.rppg.adapter.persistence.session;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;

import java.util.ArrayList;
import java.util.List;

/** Flattens sessions and their vitals into columns and back. */
final class ScanSessionMapper {

    private ScanSessionMapper() {
    }

    static ScanSessionEntity toEntity(ScanSession session) {
        var entity = new ScanSessionEntity();
        entity.tenantId = session.tenantId().value();
        entity.id = session.id().value();
        entity.owner = session.owner().value();
        entity.status = session.status();
        entity.createdAt = session.createdAt();
        entity.expiresAt = session.expiresAt();
        entity.videoReceivedAt = session.videoReceivedAt();
        entity.finishedAt = session.finishedAt();
        if (session.vitals() != null) {
            writeVitals(session.vitals(), entity);
        }
        if (session.failure() != null) {
            entity.failureCode = session.failure().code().name();
            entity.failureMessage = session.failure().message();
        }
        return entity;
    }

    static ScanSession toDomain(ScanSessionEntity entity) {
        return new ScanSession(
                new ScanSessionId(entity.id),
                new TenantId(entity.tenantId),
                new SessionOwner(entity.owner),
                entity.status,
                entity.createdAt,
                entity.expiresAt,
                entity.videoReceivedAt,
                entity.finishedAt,
                entity.heartRateBpm == null ? null : readVitals(entity),
                entity.failureCode == null ? null
                        : new AnalysisFailure(FailureCode.valueOf(entity.failureCode), entity.failureMessage));
    }

    private static void writeVitals(Vitals vitals, ScanSessionEntity entity) {
        entity.heartRateBpm = vitals.heartRate().beatsPerMinute();
        entity.respiratoryRate = vitals.respiratoryRate().value().map(RespiratoryRate::breathsPerMinute).orElse(null);
        entity.respiratoryRateMissing = vitals.respiratoryRate().reasonMissing().orElse(null);
        var hrv = vitals.heartRateVariability().value();
        entity.hrvSdnnMs = hrv.map(HeartRateVariability::sdnnMs).orElse(null);
        entity.hrvRmssdMs = hrv.map(HeartRateVariability::rmssdMs).orElse(null);
        entity.hrvBeats = hrv.map(HeartRateVariability::beats).orElse(null);
        entity.hrvMissing = vitals.heartRateVariability().reasonMissing().orElse(null);
        entity.snrDb = vitals.signalQuality().snrDb();
        entity.stability = vitals.signalQuality().stability();
        entity.periodicity = vitals.signalQuality().periodicity();
        entity.confidence = vitals.confidence().value();
        entity.method = vitals.method();
        entity.analysedSeconds = vitals.analysedSeconds();
        entity.framesAnalysed = vitals.framesAnalysed();
        var series = vitals.heartRateSeries();
        entity.heartRateSeriesSeconds = series.stream().mapToDouble(HeartRatePoint::seconds).toArray();
        entity.heartRateSeriesBpm = series.stream().mapToDouble(HeartRatePoint::bpm).toArray();
        entity.heartRateSeriesConfidence = series.stream().mapToDouble(HeartRatePoint::confidence).toArray();
        entity.rhythm = vitals.rhythm().name();
        entity.heartRateDoubt = vitals.heartRateDoubt();
    }

    /** The stored series; empty for results stored before it was kept. */
    private static List<HeartRatePoint> readSeries(ScanSessionEntity entity) {
        if (entity.heartRateSeriesSeconds == null) {
            return List.of();
        }
        var points = new ArrayList<HeartRatePoint>();
        for (int i = 0; i < entity.heartRateSeriesSeconds.length; i++) {
            points.add(new HeartRatePoint(entity.heartRateSeriesSeconds[i], entity.heartRateSeriesBpm[i],
                    entity.heartRateSeriesConfidence[i]));
        }
        return points;
    }

    private static Vitals readVitals(ScanSessionEntity entity) {
        Measurement<RespiratoryRate> respiratoryRate = entity.respiratoryRate != null
                ? Measurement.of(new RespiratoryRate(entity.respiratoryRate))
                : Measurement.notMeasured(entity.respiratoryRateMissing);
        Measurement<HeartRateVariability> hrv = entity.hrvSdnnMs != null
                ? Measurement.of(new HeartRateVariability(entity.hrvSdnnMs, entity.hrvRmssdMs, entity.hrvBeats))
                : Measurement.notMeasured(entity.hrvMissing);
        return new Vitals(
                new HeartRate(entity.heartRateBpm),
                respiratoryRate,
                hrv,
                new SignalQuality(entity.snrDb, entity.stability, entity.periodicity),
                new Confidence(entity.confidence),
                entity.method,
                entity.analysedSeconds,
                entity.framesAnalysed,
                readSeries(entity),
                entity.rhythm == null ? HeartRhythm.UNDETERMINED : HeartRhythm.valueOf(entity.rhythm),
                entity.heartRateDoubt);
    }
}
