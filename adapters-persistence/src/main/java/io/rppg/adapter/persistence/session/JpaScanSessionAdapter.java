package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class JpaScanSessionAdapter implements ScanSessionPort {

    /** Every column of a session and of its pulse, as the poll of its vitals reads them. */
    private static final String SELECT_ONE = "SELECT s.tenant_id, s.id, s.owner, s.status, s.created_at, s.expires_at,"
            + " s.video_received_at, s.finished_at, s.heart_rate_bpm, s.respiratory_rate, s.respiratory_rate_missing,"
            + " s.hrv_sdnn_ms, s.hrv_rmssd_ms, s.hrv_beats, s.hrv_missing, s.snr_db, s.stability, s.periodicity,"
            + " s.confidence, s.method, s.analysed_seconds, s.frames_analysed, s.failure_code, s.failure_message,"
            + " s.heart_rate_series_seconds, s.heart_rate_series_bpm, s.heart_rate_series_confidence, s.rhythm,"
            + " s.heart_rate_doubt, " + ScanPulses.COLUMNS
            + " FROM scan_sessions s LEFT JOIN scan_pulses p ON p.tenant_id = s.tenant_id AND p.session_id = s.id"
            + " WHERE s.tenant_id = ? AND s.id = ?";
    /**
     * The same read with the tenant's scope set before it, in one round trip: both statements run in the implicit
     * transaction that ends at the driver's single sync, so the local settings end with it.
     */
    private static final String SCOPED_SELECT_ONE =
            "SELECT set_config('rppg.tenant_id', ?, true), set_config('rppg.platform', 'off', true); " + SELECT_ONE;

    private final ScanSessionRepository sessions;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ScanPulses pulses;
    private final PostgresScanSessionChangesAdapter changes;

    JpaScanSessionAdapter(ScanSessionRepository sessions, JdbcTemplate jdbc, EntityManager entityManager,
                          PostgresScanSessionChangesAdapter changes) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.pulses = new ScanPulses(jdbc);
        this.changes = changes;
    }

    /**
     * The session's row, and beside it the pulse its vitals were read from when they carry one. This node forgets
     * what it remembered of the session when the write commits; the others hear of it from PostgreSQL.
     */
    @Override
    public ScanSession save(ScanSession session) {
        changes.announceHere(session.tenantId(), session.id());
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

    /**
     * Read with plain JDBC in one statement, the pulse of a completed session's vitals joined: every vitals poll
     * comes here, and the JPA query machinery cost more than the read. Inside a transaction, writes still waiting
     * in the persistence context are flushed first, so the read sees them. Outside one (a poll, which needs no
     * transaction for a single read) the statement carries the tenant's scope itself: one round trip, no commit.
     */
    @Override
    public Optional<ScanSession> findById(TenantId tenant, ScanSessionId id) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            if (entityManager.isJoinedToTransaction()) {
                entityManager.flush();
            }
            return jdbc.query(SELECT_ONE, JpaScanSessionAdapter::sessionWithPulse, tenant.value(), id.value())
                    .stream().findFirst();
        }
        return jdbc.execute((ConnectionCallback<Optional<ScanSession>>) connection -> readScoped(connection, tenant, id));
    }

    /** The session, read on this connection with the tenant's scope set for that statement alone. */
    static Optional<ScanSession> readScoped(Connection connection, TenantId tenant, ScanSessionId id)
            throws SQLException {
        try (var statement = connection.prepareStatement(SCOPED_SELECT_ONE)) {
            statement.setString(1, tenant.toString());
            statement.setObject(2, tenant.value());
            statement.setString(3, id.value());
            Optional<ScanSession> found;
            try (var rows = secondResult(statement)) {
                found = rows.next() ? Optional.of(sessionWithPulse(rows, 0)) : Optional.empty();
            }
            if (!connection.getAutoCommit()) {
                // A pool that hands out connections outside autocommit: end the settings' transaction here.
                connection.commit();
            }
            return found;
        }
    }

    /**
     * Runs a statement of two (the tenant's setting, then a query) in one round trip and returns the query's rows;
     * the first statement's own result is passed over.
     */
    private static ResultSet secondResult(PreparedStatement statement) throws SQLException {
        statement.execute();
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("the second statement of a pair returned no rows at all");
        }
        return statement.getResultSet();
    }

    private static ScanSession sessionWithPulse(ResultSet row, int rowNumber) throws SQLException {
        return ScanPulses.attach(ScanSessionMapper.toDomain(ScanSessionRows.read(row, rowNumber)), row);
    }

    @Override
    public Optional<ScanSession> findByIdForUpdate(TenantId tenant, ScanSessionId id) {
        return sessions.findForUpdate(tenant.value(), id.value()).map(ScanSessionMapper::toDomain);
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
    public Map<ScanStatus, Long> countByStatus(TenantId tenant, Instant from, Instant to, Instant asOf) {
        var counts = new EnumMap<ScanStatus, Long>(ScanStatus.class);
        for (Object[] row : sessions.countByStatusBesidesExpired(tenant.value(), from, to, ScanStatus.PENDING, asOf)) {
            counts.put((ScanStatus) row[0], (Long) row[1]);
        }
        // Pending sessions past their lifetime are stored as pending and seen as expired.
        long expired = sessions.countPendingExpiredBy(tenant.value(), from, to, ScanStatus.PENDING, asOf);
        if (expired > 0) {
            counts.merge(ScanStatus.EXPIRED, expired, Long::sum);
        }
        return counts;
    }
}
