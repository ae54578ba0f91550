package io.rppg.adapter.web.v2;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.identity.Role;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The v2 shapes of devices, streams and their ends, and the v2 errors of the live routes. */
final class LiveResources {

    /** Where clients connect for live messages, and the topic they subscribe to. */
    static final String WEBSOCKET_PATH = "/v2/ws";
    static final String TOPIC = "vitals";

    private LiveResources() {
    }

    static TenantId tenantOf(Caller caller) {
        return caller.scanTenant().orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.FORBIDDEN,
                "INSUFFICIENT_PERMISSIONS", "devices and streams belong to tenants; platform admins have none")));
    }

    static TenantId tenantAdministeredBy(Caller caller) {
        var tenant = tenantOf(caller);
        if (caller.role() != Role.TENANT_ADMIN || caller.user().isEmpty()) {
            throw new ApiException(ApiError.of(HttpStatus.FORBIDDEN, "INSUFFICIENT_PERMISSIONS",
                    "only a tenant admin registers and configures devices"));
        }
        return tenant;
    }

    static ApiException deviceNotFound(String deviceId, List<DeviceId> available) {
        return new ApiException(ApiError.of(HttpStatus.NOT_FOUND, "DEVICE_NOT_FOUND",
                        "Device with ID '" + printable(deviceId) + "' not found")
                .withDetail("resource_type", "device")
                .withDetail("resource_id", printable(deviceId))
                .withDetail("available_devices", available.stream().map(DeviceId::value).toList()));
    }

    static ApiException streamUnavailable(String what) {
        return new ApiException(ApiError.of(HttpStatus.CONFLICT, "STREAM_UNAVAILABLE",
                "No stream is running on " + what + "; start streaming first"));
    }

    static ApiException refused(SessionCreation refusal) {
        return switch (refusal) {
            case SessionCreation.NoScansAvailable(var monthlyScans, var renewsAt) -> new ApiException(
                    ApiError.of(HttpStatus.PAYMENT_REQUIRED, "NO_SCANS_AVAILABLE", "No scans available!")
                            .withDetail("monthly_scans", monthlyScans)
                            .withDetail("renews_at", renewsAt.toString()));
            case SessionCreation.TooManyOpenSessions(var maxOpenSessions) -> new ApiException(
                    ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_OPEN_SESSIONS",
                                    "This caller already holds " + maxOpenSessions + " open sessions")
                            .withDetail("max_open_sessions", maxOpenSessions));
            case SessionCreation.Created created ->
                    throw new IllegalStateException("a created session is not a refusal");
        };
    }

    static Map<String, Object> device(Device device) {
        var body = new LinkedHashMap<String, Object>();
        body.put("device_id", device.id().value());
        body.put("name", device.name());
        body.put("type", device.type().wireName());
        body.put("status", device.status().name().toLowerCase(Locale.ROOT));
        body.put("last_seen", device.lastSeen() == null ? null : device.lastSeen().toString());
        body.put("stream_id", device.currentStream() == null ? null : device.currentStream().value());
        body.put("session_id", device.currentSession() == null ? null : device.currentSession().value());
        body.put("config", config(device.config()));
        body.put("created_at", device.createdAt().toString());
        return body;
    }

    static Map<String, Object> config(DeviceConfig config) {
        var body = new LinkedHashMap<String, Object>();
        body.put("fps", config.fps());
        body.put("max_seconds", config.maxSeconds());
        body.put("window_seconds", config.windowSeconds());
        body.put("method", config.method());
        body.put("input", config.input().wireName());
        return body;
    }

    static Map<String, Object> started(LiveStreamUseCase.Stream stream, HttpServletRequest request) {
        var body = new LinkedHashMap<String, Object>();
        body.put("stream_id", stream.id().value());
        body.put("session_id", stream.session().value());
        body.put("device_id", stream.device() == null ? null : stream.device().value());
        body.put("status", "streaming");
        body.put("started_at", stream.startedAt().toString());
        body.put("config", config(stream.config()));
        var websocket = new LinkedHashMap<String, Object>();
        websocket.put("url", websocketUrl(request));
        websocket.put("topic", TOPIC);
        body.put("websocket", websocket);
        return body;
    }

    /** A stream's end as the scan's session records it: the v1 vitals report, or the failure. */
    static Map<String, Object> ended(ScanSession session) {
        var body = new LinkedHashMap<String, Object>();
        body.put("session_id", session.id().value());
        body.put("status", session.status().name().toLowerCase(Locale.ROOT));
        switch (session.status()) {
            case COMPLETED -> body.put("vitals", VitalsReport.of(session));
            case FAILED -> {
                body.put("error", session.failure().message());
                body.put("error_code", session.failure().code().name());
            }
            default -> {
            }
        }
        return body;
    }

    private static String websocketUrl(HttpServletRequest request) {
        var scheme = request.isSecure() ? "wss" : "ws";
        var port = request.getServerPort();
        boolean defaultPort = (request.isSecure() && port == 443) || (!request.isSecure() && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + WEBSOCKET_PATH;
    }

    /** An id from the path as it may be repeated in an answer: short, and only characters ids are made of. */
    private static String printable(String text) {
        var cleaned = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() <= 80 ? cleaned : cleaned.substring(0, 80) + "...";
    }
}
