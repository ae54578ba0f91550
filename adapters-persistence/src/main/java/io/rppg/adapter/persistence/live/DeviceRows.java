package io.rppg.adapter.persistence.live;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Reads a row of {@code devices}; shared by every adapter that reads devices. */
public final class DeviceRows {

    public static final String COLUMNS = "tenant_id, id, name, type, fps, max_seconds, window_seconds, method, input, "
            + "created_at, last_seen, current_stream_id, current_session_id";

    public static final RowMapper<Device> ROW = (rs, row) -> new Device(
            new DeviceId(rs.getString("id")),
            new TenantId(rs.getObject("tenant_id", UUID.class)),
            rs.getString("name"),
            DeviceType.valueOf(rs.getString("type")),
            new DeviceConfig(rs.getInt("fps"), rs.getInt("max_seconds"), rs.getInt("window_seconds"),
                    rs.getString("method"), LiveInput.valueOf(rs.getString("input"))),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs.getTimestamp("last_seen")),
            Optional.ofNullable(rs.getString("current_stream_id")).map(StreamId::new).orElse(null),
            Optional.ofNullable(rs.getString("current_session_id")).map(ScanSessionId::new).orElse(null));

    private DeviceRows() {
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
