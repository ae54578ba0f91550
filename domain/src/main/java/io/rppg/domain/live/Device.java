package io.rppg.domain.live;

import io.rppg.domain.Require;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;

/**
 * A capture station of a tenant (a clinic's kiosk camera, an installed app, a browser) that streams live scans. It
 * is streaming while it holds a stream and the session that stream feeds.
 */
public record Device(DeviceId id, TenantId tenantId, String name, DeviceType type, DeviceConfig config,
                     Instant createdAt, Instant lastSeen, StreamId currentStream, ScanSessionId currentSession) {

    public enum Status {
        IDLE,
        STREAMING
    }

    public Device {
        Require.present(id, "device id");
        Require.present(tenantId, "tenant id");
        Require.text(name, "device name", 100);
        Require.present(type, "device type");
        Require.present(config, "device config");
        Require.present(createdAt, "created at");
        if ((currentStream == null) != (currentSession == null)) {
            throw new IllegalArgumentException("a streaming device holds both its stream and its session");
        }
    }

    public static Device register(DeviceId id, TenantId tenant, String name, DeviceType type, DeviceConfig config,
                                  Instant now) {
        return new Device(id, tenant, name, type, config, now, null, null, null);
    }

    public Status status() {
        return currentStream == null ? Status.IDLE : Status.STREAMING;
    }

    public Device configured(DeviceConfig newConfig) {
        return new Device(id, tenantId, name, type, newConfig, createdAt, lastSeen, currentStream, currentSession);
    }

    public Device streaming(StreamId stream, ScanSessionId session, Instant now) {
        if (status() == Status.STREAMING) {
            throw new IllegalStateException("device " + id + " is already streaming");
        }
        return new Device(id, tenantId, name, type, config, createdAt, now, stream, session);
    }

    public Device idle(Instant now) {
        return new Device(id, tenantId, name, type, config, createdAt, now, null, null);
    }
}
