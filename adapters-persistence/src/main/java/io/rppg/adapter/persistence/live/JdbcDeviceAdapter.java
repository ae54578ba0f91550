package io.rppg.adapter.persistence.live;

import io.rppg.application.port.out.DevicePort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcDeviceAdapter implements DevicePort {

    private static final String COLUMNS = DeviceRows.COLUMNS;
    private static final RowMapper<Device> ROW = DeviceRows.ROW;

    private final JdbcTemplate jdbc;

    JdbcDeviceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Device save(Device device) {
        var config = device.config();
        jdbc.update("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, "
                        + "fps = EXCLUDED.fps, max_seconds = EXCLUDED.max_seconds, "
                        + "window_seconds = EXCLUDED.window_seconds, method = EXCLUDED.method, input = EXCLUDED.input, "
                        + "last_seen = EXCLUDED.last_seen, current_stream_id = EXCLUDED.current_stream_id, "
                        + "current_session_id = EXCLUDED.current_session_id",
                device.tenantId().value(), device.id().value(), device.name(), device.type().name(), config.fps(),
                config.maxSeconds(), config.windowSeconds(), config.method(), config.input().name(),
                Timestamp.from(device.createdAt()), timestamp(device.lastSeen()),
                device.currentStream() == null ? null : device.currentStream().value(),
                device.currentSession() == null ? null : device.currentSession().value());
        return device;
    }

    @Override
    public Optional<Device> findById(TenantId tenant, DeviceId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM devices WHERE tenant_id = ? AND id = ?", ROW,
                tenant.value(), id.value()).stream().findFirst();
    }

    @Override
    public Optional<Device> findByIdForUpdate(TenantId tenant, DeviceId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM devices WHERE tenant_id = ? AND id = ? FOR UPDATE", ROW,
                tenant.value(), id.value()).stream().findFirst();
    }

    @Override
    public List<Device> findByTenant(TenantId tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM devices WHERE tenant_id = ? ORDER BY created_at, id", ROW,
                tenant.value());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
