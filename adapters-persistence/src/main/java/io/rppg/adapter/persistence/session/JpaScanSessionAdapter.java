package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class JpaScanSessionAdapter implements ScanSessionPort {

    private static final List<ScanStatus> OPEN = List.of(ScanStatus.PENDING, ScanStatus.PROCESSING);

    /** Every column of a session, as the poll of its vitals reads it. */
    private static final String SELECT_ONE = "SELECT tenant_id, id, owner, status, created_at, expires_at,"
            + " video_received_at, finished_at, heart_rate_bpm, respiratory_rate, respiratory_rate_missing,"
            + " hrv_sdnn_ms, hrv_rmssd_ms, hrv_beats, hrv_missing, snr_db, stability, periodicity, confidence, method,"
            + " analysed_seconds, frames_analysed, failure_code, failure_message, heart_rate_series_seconds,"
            + " heart_rate_series_bpm, heart_rate_series_confidence, rhythm, heart_rate_doubt"
            + " FROM scan_sessions WHERE tenant_id = ? AND id = ?";

    private final ScanSessionRepository sessions;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ScanPulses pulses;

    JpaScanSessionAdapter(ScanSessionRepository sessions, JdbcTemplate jdbc, EntityManager entityManager) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.pulses = new ScanPulses(jdbc);
    }

    /** The session's row, and beside it the pulse its vitals were read from when they carry one. */
    @Override
    public ScanSession save(ScanSession session) {
        var saved = ScanSessionMapper.toDomain(sessions.save(ScanSessionMapper.toEntity(session)));
        if (session.vitals() != null && session.vitals().waveform() != null) {
            // The pulse's row refers to the session's, which JPA may not have written yet.
            entityManager.flush();
            pulses.write(session);
            return new ScanSession(saved.id(), saved.tenantId(), saved.owner(), saved.status(), saved.createdAt(),
                    saved.expiresAt(), saved.videoReceivedAt(), saved.finishedAt(),
                    saved.vitals().withPulse(session.vitals().waveform(), session.vitals().spectrum())
                            .withArtifacts(session.vitals().artifacts()),
                    saved.failure());
        }
        return saved;
    }

    /** Persisted, not saved: Spring Data's save of an entity with an assigned id reads the row first to merge. */
    @Override
    public ScanSession add(ScanSession session) {
        var entity = ScanSessionMapper.toEntity(session);
        entityManager.persist(entity);
        return ScanSessionMapper.toDomain(entity);
    }

    /**
     * Read with plain JDBC, with the pulse of a completed session's vitals: every vitals poll comes here, and the JPA query machinery cost more than the read. Writes
     * of this transaction still waiting in the persistence context are flushed first, so the read sees them.
     */
    @Override
    public Optional<ScanSession> findById(TenantId tenant, ScanSessionId id) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        return jdbc.query(SELECT_ONE, ScanSessionRows::read, tenant.value(), id.value()).stream().findFirst()
                .map(ScanSessionMapper::toDomain).map(pulses::attach);
    }

    @Override
    public Optional<ScanSession> findByIdForUpdate(TenantId tenant, ScanSessionId id) {
        return sessions.findForUpdate(tenant.value(), id.value()).map(ScanSessionMapper::toDomain);
    }

    @Override
    public int countOpen(TenantId tenant, SessionOwner owner, Instant now) {
        sessions.lockOwner(tenant.value() + "/" + owner.value());
        return sessions.countOpen(tenant.value(), owner.value(), OPEN, now);
    }

    @Override
    public List<ScanSession> findPage(TenantId tenant, ScanSessionPage page) {
        var cursor = page.before();
        var filter = StatusFilter.of(page.status(), page.asOf());
        return sessions.findPage(tenant.value(), filter.stored(), filter.expiresAfter(), filter.expiredBy(),
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id().value(),
                        Limit.of(page.pageSize()))
                .stream().map(ScanSessionMapper::toDomain).toList();
    }

    /**
     * A status as clients see it, in stored terms: pending is stored pending and not yet expired; expired is stored
     * pending (or expired) past its expiry. See {@link ScanSession#statusAt}.
     */
    private record StatusFilter(List<ScanStatus> stored, Instant expiresAfter, Instant expiredBy) {

        static StatusFilter of(ScanStatus seen, Instant asOf) {
            if (seen == null) {
                return new StatusFilter(List.of(ScanStatus.values()), null, null);
            }
            return switch (seen) {
                case PENDING -> new StatusFilter(List.of(ScanStatus.PENDING), asOf, null);
                case EXPIRED -> new StatusFilter(List.of(ScanStatus.PENDING, ScanStatus.EXPIRED), null, asOf);
                case PROCESSING, COMPLETED, FAILED -> new StatusFilter(List.of(seen), null, null);
            };
        }
    }

    @Override
    public Map<ScanStatus, Long> countByStatus(TenantId tenant, Instant from, Instant to) {
        var counts = new EnumMap<ScanStatus, Long>(ScanStatus.class);
        for (Object[] row : sessions.countByStatus(tenant.value(), from, to)) {
            counts.put((ScanStatus) row[0], (Long) row[1]);
        }
        return counts;
    }
}
