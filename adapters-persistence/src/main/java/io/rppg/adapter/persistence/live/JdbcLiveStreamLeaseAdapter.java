package io.rppg.adapter.persistence.live;

import io.rppg.application.port.out.LiveStreamLeasePort;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcLiveStreamLeaseAdapter implements LiveStreamLeasePort {

    private final JdbcTemplate jdbc;

    JdbcLiveStreamLeaseAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void hold(TenantId tenant, ScanSessionId session, StreamId stream, String node, Instant now) {
        jdbc.update("INSERT INTO live_stream_leases (session_id, tenant_id, stream_id, node, renewed_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET stream_id = EXCLUDED.stream_id, "
                        + "node = EXCLUDED.node, renewed_at = EXCLUDED.renewed_at",
                session.value(), tenant.value(), stream.value(), node, Timestamp.from(now));
    }

    @Override
    public int renew(String node, Instant now) {
        return jdbc.update("UPDATE live_stream_leases SET renewed_at = ? WHERE node = ?", Timestamp.from(now), node);
    }

    @Override
    public void release(ScanSessionId session) {
        jdbc.update("DELETE FROM live_stream_leases WHERE session_id = ?", session.value());
    }

    @Override
    public Optional<Lapsed> takeLapsed(Instant renewedBefore) {
        // The row stays locked until the caller's transaction ends: a second node skips it, and if the caller fails
        // before it commits, the lease is back for the next sweep.
        return jdbc.query("DELETE FROM live_stream_leases WHERE session_id = (SELECT session_id FROM live_stream_leases "
                        + "WHERE renewed_at < ? ORDER BY renewed_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING session_id, tenant_id, stream_id, node, renewed_at",
                (rs, row) -> new Lapsed(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new ScanSessionId(rs.getString("session_id")), new StreamId(rs.getString("stream_id")),
                        rs.getString("node"), rs.getTimestamp("renewed_at").toInstant()),
                Timestamp.from(renewedBefore)).stream().findFirst();
    }
}
