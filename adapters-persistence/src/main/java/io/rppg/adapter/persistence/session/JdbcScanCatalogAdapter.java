package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.live.DeviceRows;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searches and batch reads over {@code scan_sessions} and what hangs off it ({@code scan_session_devices},
 * {@code scan_session_tags}, {@code scan_metadata}): every batch read is one statement whatever the number of ids.
 */
@Component
class JdbcScanCatalogAdapter implements ScanCatalogPort {

    private final JdbcTemplate jdbc;
    private final PostgresScanSessionChangesAdapter changes;

    JdbcScanCatalogAdapter(JdbcTemplate jdbc, PostgresScanSessionChangesAdapter changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public List<ScanSession> search(TenantId tenant, Search search) {
        var sql = new StringBuilder("SELECT s.* FROM scan_sessions s WHERE s.tenant_id = ?");
        var args = new ArrayList<Object>();
        args.add(tenant.value());
        statusFilter(search.status(), search.asOf(), sql, args);
        if (search.from() != null) {
            sql.append(" AND s.created_at >= ?");
            args.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            sql.append(" AND s.created_at < ?");
            args.add(Timestamp.from(search.to()));
        }
        if (search.device() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM scan_session_devices d WHERE d.tenant_id = s.tenant_id"
                    + " AND d.session_id = s.id AND d.device_id = ?)");
            args.add(search.device().value());
        }
        if (!search.tags().isEmpty()) {
            sql.append(" AND (SELECT count(*) FROM scan_session_tags t WHERE t.tenant_id = s.tenant_id"
                    + " AND t.session_id = s.id AND t.tag = ANY(?)) = ?");
            args.add(search.tags().toArray(String[]::new));
            args.add(search.tags().size());
        }
        if (search.metadata() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM scan_metadata m WHERE m.tenant_id = s.tenant_id"
                    + " AND m.session_id = s.id AND m.metadata @> ?::jsonb)");
            args.add(search.metadata());
        }
        if (search.before() != null) {
            sql.append(" AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?))");
            var createdAt = Timestamp.from(search.before().createdAt());
            args.add(createdAt);
            args.add(createdAt);
            args.add(search.before().id().value());
        }
        sql.append(" ORDER BY s.created_at DESC, s.id DESC LIMIT ?");
        args.add(search.limit());
        return jdbc.query(sql.toString(), (rs, row) -> ScanSessionMapper.toDomain(ScanSessionRows.read(rs, row)),
                args.toArray());
    }

    /** A status as clients see it, in stored terms, as {@link ScanSession#statusAt} reads it. */
    private static void statusFilter(ScanStatus status, java.time.Instant asOf, StringBuilder sql, List<Object> args) {
        if (status == null) {
            return;
        }
        switch (status) {
            case PENDING -> {
                sql.append(" AND s.status = 'PENDING' AND s.expires_at > ?");
                args.add(Timestamp.from(asOf));
            }
            case EXPIRED -> {
                sql.append(" AND (s.status = 'EXPIRED' OR (s.status = 'PENDING' AND s.expires_at <= ?))");
                args.add(Timestamp.from(asOf));
            }
            case PROCESSING, COMPLETED, FAILED -> {
                sql.append(" AND s.status = ?");
                args.add(status.name());
            }
        }
    }

    @Override
    public Map<DeviceId, List<ScanSession>> latestOfDevices(TenantId tenant, Collection<DeviceId> devices,
                                                           int perDevice) {
        var result = new LinkedHashMap<DeviceId, List<ScanSession>>();
        jdbc.query("""
                        SELECT * FROM (
                            SELECT d.device_id AS linked_device, s.*, row_number() OVER (
                                PARTITION BY d.device_id ORDER BY s.created_at DESC, s.id DESC) AS position
                            FROM scan_session_devices d
                            JOIN scan_sessions s ON s.tenant_id = d.tenant_id AND s.id = d.session_id
                            WHERE d.tenant_id = ? AND d.device_id = ANY(?)
                        ) ranked
                        WHERE position <= ?
                        ORDER BY linked_device, position
                        """,
                rs -> {
                    var device = new DeviceId(rs.getString("linked_device"));
                    result.computeIfAbsent(device, id -> new ArrayList<>())
                            .add(ScanSessionMapper.toDomain(ScanSessionRows.read(rs, 0)));
                },
                tenant.value(), devices.stream().map(DeviceId::value).toArray(String[]::new), perDevice);
        return result;
    }

    @Override
    public Map<ScanSessionId, DeviceId> devicesOf(TenantId tenant, Collection<ScanSessionId> sessions) {
        var result = new LinkedHashMap<ScanSessionId, DeviceId>();
        jdbc.query("SELECT session_id, device_id FROM scan_session_devices WHERE tenant_id = ? AND session_id = ANY(?)",
                rs -> {
                    result.put(new ScanSessionId(rs.getString(1)), new DeviceId(rs.getString(2)));
                },
                tenant.value(), ids(sessions));
        return result;
    }

    @Override
    public Map<DeviceId, Device> devices(TenantId tenant, Collection<DeviceId> ids) {
        var result = new LinkedHashMap<DeviceId, Device>();
        jdbc.query("SELECT " + DeviceRows.COLUMNS + " FROM devices WHERE tenant_id = ? AND id = ANY(?)", DeviceRows.ROW,
                        tenant.value(), ids.stream().map(DeviceId::value).toArray(String[]::new))
                .forEach(device -> result.put(device.id(), device));
        return result;
    }

    @Override
    public Map<ScanSessionId, List<String>> tagsOf(TenantId tenant, Collection<ScanSessionId> sessions) {
        var result = new LinkedHashMap<ScanSessionId, List<String>>();
        jdbc.query("SELECT session_id, tag FROM scan_session_tags WHERE tenant_id = ? AND session_id = ANY(?)"
                        + " ORDER BY session_id, tag",
                rs -> {
                    result.computeIfAbsent(new ScanSessionId(rs.getString(1)), id -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                tenant.value(), ids(sessions));
        return result;
    }

    @Override
    public Map<ScanSessionId, String> metadataOf(TenantId tenant, Collection<ScanSessionId> sessions) {
        var result = new LinkedHashMap<ScanSessionId, String>();
        jdbc.query("SELECT session_id, metadata::text FROM scan_metadata WHERE tenant_id = ? AND session_id = ANY(?)",
                rs -> {
                    result.put(new ScanSessionId(rs.getString(1)), rs.getString(2));
                },
                tenant.value(), ids(sessions));
        return result;
    }

    @Override
    public void retag(TenantId tenant, ScanSessionId session, Set<String> add, Set<String> remove) {
        if (!remove.isEmpty()) {
            jdbc.update("DELETE FROM scan_session_tags WHERE tenant_id = ? AND session_id = ? AND tag = ANY(?)",
                    tenant.value(), session.value(), remove.toArray(String[]::new));
        }
        for (var tag : add) {
            jdbc.update("INSERT INTO scan_session_tags (tenant_id, session_id, tag) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", tenant.value(), session.value(), tag);
        }
    }

    @Override
    public boolean delete(TenantId tenant, ScanSessionId session) {
        // Tags, metadata and the device link go with the row (ON DELETE CASCADE).
        boolean deleted = jdbc.update("DELETE FROM scan_sessions WHERE tenant_id = ? AND id = ?",
                tenant.value(), session.value()) > 0;
        if (deleted) {
            changes.announceHere(tenant, session);
        }
        return deleted;
    }

    private static String[] ids(Collection<ScanSessionId> sessions) {
        return sessions.stream().map(ScanSessionId::value).toArray(String[]::new);
    }
}
