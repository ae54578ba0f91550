package io.rppg.adapter.web.graphql;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** A capture device as the schema's {@code Device}; its sessions are read in batches ({@link DeviceController}). */
public record DeviceNode(Device device) {

    public String id() {
        return device.id().value();
    }

    public String name() {
        return device.name();
    }

    public String type() {
        return device.type().wireName();
    }

    public String status() {
        return device.status().name();
    }

    public String lastSeen() {
        return device.lastSeen() == null ? null : device.lastSeen().toString();
    }

    public String createdAt() {
        return device.createdAt().toString();
    }

    public String streamId() {
        return device.currentStream() == null ? null : device.currentStream().value();
    }

    public Map<String, Object> config() {
        return config(device.config());
    }

    static Map<String, Object> config(DeviceConfig config) {
        var body = new LinkedHashMap<String, Object>();
        body.put("fps", config.fps());
        body.put("maxSeconds", config.maxSeconds());
        body.put("windowSeconds", config.windowSeconds());
        body.put("method", config.method());
        body.put("input", config.input().wireName());
        return body;
    }
}
