package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class JpaScanSessionAdapter implements ScanSessionPort {

    /**
     * A transaction-scoped advisory lock on the owner, then the owner's open sessions: the count and the insert that
     * follows it are not split.
     */
    private static final String LOCK_OWNER_AND_COUNT_OPEN = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0)); "
            + "SELECT count(*) FROM scan_sessions WHERE tenant_id = ? AND owner = ?"
            + " AND status IN ('PENDING', 'PROCESSING') AND expires_at > ?";

    /**
     * An opened session is not worth a disk flush: a session creation of one tenant waits for the one before it (the
     * owner's lock and the tenant's usage row), so a flush per commit would cap a tenant at the disk's flushes per
     * second. Should PostgreSQL itself crash (not a node: the database) within the fraction of a second before its
     * WAL writer flushes, the last sessions opened are lost together with the scans they were charged, and their
     * clients' uploads are answered {@code SESSION_NOT_FOUND}; nothing else is lost and nothing is left half done.
     */
    private static final String COMMIT_WITHOUT_FLUSH_AND_INSERT_OPENED = "SET LOCAL synchronous_commit TO off; "
            + "INSERT INTO scan_sessions (tenant_id, id, owner, status, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

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
     * Inserted with plain JDBC, not saved: Spring Data's save of an entity with an assigned id reads the row first to
     * merge, and an opened session has only these columns to write. The transaction then commits without waiting
     * for its write-ahead log to reach the disk (see {@link #COMMIT_WITHOUT_FLUSH_AND_INSERT_OPENED}).
     */
    @Override
    public ScanSession add(ScanSession session) {
        if (session.status() != ScanStatus.PENDING || session.videoReceivedAt() != null || session.vitals() != null
                || session.failure() != null) {
            throw new IllegalArgumentException("only a session just opened is added: " + session.id().value());
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.prepareStatement(COMMIT_WITHOUT_FLUSH_AND_INSERT_OPENED)) {
                statement.setObject(1, session.tenantId().value());
                statement.setString(2, session.id().value());
                statement.setString(3, session.owner().value());
                statement.setString(4, session.status().name());
                statement.setObject(5, utc(session.createdAt()));
                statement.setObject(6, utc(session.expiresAt()));
                statement.execute();
                return null;
            }
        });
        return session;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
     * Runs a statement of two (a setting or a lock, then a query) in one round trip and returns the query's rows;
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

    /** The owner's lock and the count in one round trip, the lock's statement first. */
    @Override
    public int countOpen(TenantId tenant, SessionOwner owner, Instant now) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = connection.prepareStatement(LOCK_OWNER_AND_COUNT_OPEN)) {
                statement.setString(1, tenant.value() + "/" + owner.value());
                statement.setObject(2, tenant.value());
                statement.setString(3, owner.value());
                statement.setObject(4, utc(now));
                try (var rows = secondResult(statement)) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
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
