package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A session's admission in one round trip: the statements below go to PostgreSQL together and run in the one
 * implicit transaction that ends at the driver's single sync. A session creation used to be seven round trips (the
 * tenant's setting, the tenant, its plan, the owner's lock and count, the quota, the insert, the commit), and on two
 * cores the time went into the round trips themselves, a third of it in the kernel.
 *
 * <ol>
 *     <li>the tenant's scope, for row-level security;</li>
 *     <li>a commit that does not wait for its write-ahead log to reach the disk: creations of one tenant queue on its
 *     usage row (and one owner's on its lock), so a flush per commit would cap a tenant at the disk's flushes per
 *     second. Should PostgreSQL itself crash (not a node: the database) within the fraction of a second before its
 *     WAL writer flushes, the last sessions admitted are lost together with the scans they were charged, and their
 *     clients' uploads are answered {@code SESSION_NOT_FOUND}; nothing is left half done;</li>
 *     <li>a transaction-scoped advisory lock on the owner, so that the count and the insert of one admission are not
 *     split by another's;</li>
 *     <li>the tenant's plan; the owner's open sessions, added up from their counts per ten minutes of expiry (kept by
 *     triggers, migration V98) for those expiring after the current ten minutes and counted one by one, up to the
 *     plan's limit, for those expiring within it; the owner's counts that ended more than an hour ago swept (an hour,
 *     so that no node whose clock runs ahead sweeps a count another node still reads); the period's scan charged only
 *     below both limits (the usage row is created by the first scan of the period, and on a conflict PostgreSQL
 *     locks the row and re-checks {@code used < limit} on its latest version), and the session inserted only when
 *     the scan was charged.</li>
 * </ol>
 */
@Component
class JdbcScanAdmissionAdapter implements ScanAdmissionPort {

    private static final String ADMIT = """
            SELECT set_config('rppg.tenant_id', ?, true), set_config('rppg.platform', 'off', true);
            SET LOCAL synchronous_commit TO off;
            SELECT pg_advisory_xact_lock(hashtextextended(?, 0));
            WITH plan AS (
                SELECT p.max_open_sessions, p.monthly_scans
                FROM tenants t JOIN plans p ON p.id = t.plan_id
                WHERE t.id = ?
            ), held AS (
                SELECT coalesce(sum(open_sessions), 0) + (
                    SELECT count(*) FROM (
                        SELECT 1 FROM scan_sessions
                        WHERE owner_key = ? AND status IN ('PENDING', 'PROCESSING')
                          AND expires_at > ? AND expires_at < to_timestamp((scan_session_expiry_bucket(?) + 1) * 600)
                        LIMIT (SELECT max_open_sessions FROM plan)
                    ) expiring_now
                ) AS sessions
                FROM open_scan_sessions_by_expiry
                WHERE tenant_id = ? AND owner = ? AND expiry_bucket > scan_session_expiry_bucket(?)
            ), swept AS (
                DELETE FROM open_scan_sessions_by_expiry
                WHERE tenant_id = ? AND owner = ? AND expiry_bucket < scan_session_expiry_bucket(?) - 6
            ), charged AS (
                INSERT INTO scan_usage AS counted (tenant_id, period_start, period_end, used)
                SELECT ?, ?, ?, 1 FROM plan, held
                WHERE held.sessions < plan.max_open_sessions AND plan.monthly_scans >= 1
                ON CONFLICT (tenant_id, period_start)
                DO UPDATE SET used = counted.used + 1 WHERE counted.used < (SELECT monthly_scans FROM plan)
                RETURNING used
            ), opened AS (
                INSERT INTO scan_sessions (tenant_id, id, owner, status, created_at, expires_at)
                SELECT ?, ?, ?, ?, ?, ? FROM charged
                RETURNING id
            )
            SELECT plan.max_open_sessions, plan.monthly_scans, held.sessions,
                   (SELECT used FROM charged), (SELECT count(*) FROM opened)
            FROM plan, held
            """;
    /** The statements before the one whose rows say what came of it. */
    private static final int STATEMENTS_BEFORE_THE_ANSWER = 3;

    private final JdbcTemplate jdbc;

    JdbcScanAdmissionAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Admission admit(ScanSession opened, UsagePeriod period) {
        if (opened.status() != ScanStatus.PENDING || opened.videoReceivedAt() != null || opened.vitals() != null
                || opened.failure() != null) {
            throw new IllegalArgumentException("only a session just opened is admitted: " + opened.id().value());
        }
        return jdbc.execute((ConnectionCallback<Admission>) connection -> admit(connection, opened, period));
    }

    private static Admission admit(Connection connection, ScanSession opened, UsagePeriod period)
            throws SQLException {
        var tenant = opened.tenantId().value();
        var owner = opened.owner().value();
        var ownerKey = tenant + "/" + owner;
        Admission admission;
        try (var statement = connection.prepareStatement(ADMIT)) {
            int p = 1;
            statement.setString(p++, tenant.toString());
            statement.setString(p++, ownerKey);
            statement.setObject(p++, tenant);
            var now = utc(opened.createdAt());
            // the owner's sessions expiring in the current ten minutes
            statement.setString(p++, ownerKey);
            statement.setObject(p++, now);
            statement.setObject(p++, now);
            // the owner's later buckets
            statement.setObject(p++, tenant);
            statement.setString(p++, owner);
            statement.setObject(p++, now);
            // the owner's buckets to sweep
            statement.setObject(p++, tenant);
            statement.setString(p++, owner);
            statement.setObject(p++, now);
            statement.setObject(p++, tenant);
            statement.setTimestamp(p++, Timestamp.from(period.start()));
            statement.setTimestamp(p++, Timestamp.from(period.end()));
            statement.setObject(p++, tenant);
            statement.setString(p++, opened.id().value());
            statement.setString(p++, owner);
            statement.setString(p++, opened.status().name());
            statement.setObject(p++, utc(opened.createdAt()));
            statement.setObject(p, utc(opened.expiresAt()));
            try (var answer = lastResult(statement)) {
                if (!answer.next()) {
                    throw new IllegalStateException("unknown tenant, or a tenant without a plan: " + tenant);
                }
                admission = admission(opened, answer);
            }
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive() && !connection.getAutoCommit()) {
            // A pool that hands out connections outside autocommit: end the admission's transaction here.
            connection.commit();
        }
        return admission;
    }

    private static Admission admission(ScanSession opened, ResultSet answer) throws SQLException {
        int maxOpenSessions = answer.getInt(1);
        int monthlyScans = answer.getInt(2);
        int held = answer.getInt(3);
        int used = answer.getInt(4);
        boolean charged = !answer.wasNull();
        boolean stored = answer.getInt(5) == 1;
        if (held >= maxOpenSessions) {
            return new Admission.TooManyOpenSessions(maxOpenSessions);
        }
        if (!charged || !stored) {
            return new Admission.NoScansAvailable(monthlyScans);
        }
        return new Admission.Admitted(opened, Math.max(0, monthlyScans - used));
    }

    /** Runs the statements and returns the rows of the last, passing over the results of those before it. */
    private static ResultSet lastResult(PreparedStatement statement) throws SQLException {
        boolean rows = statement.execute();
        int passed = 0;
        while (rows || statement.getUpdateCount() != -1) {
            if (passed == STATEMENTS_BEFORE_THE_ANSWER && rows) {
                return statement.getResultSet();
            }
            passed++;
            rows = statement.getMoreResults();
        }
        throw new IllegalStateException("the admission's statements returned fewer results than there are");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
