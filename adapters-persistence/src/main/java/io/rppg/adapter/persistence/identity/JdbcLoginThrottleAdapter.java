package io.rppg.adapter.persistence.identity;

import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.domain.identity.LoginThrottle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Failed-login records in PostgreSQL, so that every node of a cluster throttles the same guesser. */
@Component
class JdbcLoginThrottleAdapter implements LoginThrottlePort {

    private final JdbcTemplate jdbc;

    JdbcLoginThrottleAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LoginThrottle find(String key) {
        var found = jdbc.query(
                "SELECT failures, last_failure, blocked_until FROM login_throttles WHERE throttle_key = ?",
                (rs, row) -> new LoginThrottle(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()),
                key);
        return found.isEmpty() ? LoginThrottle.NONE : found.get(0);
    }

    @Override
    public LoginThrottle findForUpdate(String key) {
        // An advisory lock rather than SELECT ... FOR UPDATE: a key's first failure has no row to lock yet.
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (RowCallbackHandler) row -> { }, key);
        return find(key);
    }

    @Override
    public void save(String key, LoginThrottle throttle) {
        jdbc.update("""
                        INSERT INTO login_throttles (throttle_key, failures, last_failure, blocked_until)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (throttle_key) DO UPDATE
                        SET failures = EXCLUDED.failures, last_failure = EXCLUDED.last_failure,
                            blocked_until = EXCLUDED.blocked_until
                        """,
                key, throttle.failures(), Timestamp.from(throttle.lastFailure()),
                Timestamp.from(throttle.blockedUntil()));
    }

    @Override
    public void clear(String key) {
        jdbc.update("DELETE FROM login_throttles WHERE throttle_key = ?", key);
    }

    @Override
    public int deleteExpired(Instant now, Duration window) {
        return jdbc.update("DELETE FROM login_throttles WHERE blocked_until <= ? AND last_failure < ?",
                Timestamp.from(now), Timestamp.from(now.minus(window)));
    }
}
