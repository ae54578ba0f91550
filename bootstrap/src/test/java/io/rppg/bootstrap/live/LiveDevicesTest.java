package io.rppg.bootstrap.live;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** Devices and streams on the v2 REST API, with its error envelope, over HTTP. */
class LiveDevicesTest extends PlatformTest {

    private LiveApi api;

    @BeforeEach
    void client() {
        api = new LiveApi(port);
    }

    @Test
    void aTenantAdminRegistersAndConfiguresADeviceThatAnyCallerOfTheTenantStreamsFrom() {
        var tenant = api.createTenant();
        var created = expect(api.post("/v2/devices", tenant.adminToken(),
                body("name", "Kiosk 3", "type", "kiosk", "config", body("fps", 30))), 201);
        var deviceId = created.text("device_id");
        assertThat(deviceId).startsWith("dev_");
        assertThat(created.text("status")).isEqualTo("idle");
        assertThat(created.json().path("config").path("window_seconds").asInt()).isEqualTo(10);
        assertThat(created.json().path("config").path("max_seconds").asInt()).isEqualTo(300);

        var listed = expect(api.get("/api/v2/devices", tenant.apiKey()), 200);
        assertThat(listed.json().path("devices").get(0).path("device_id").asString()).isEqualTo(deviceId);

        var configured = expect(api.patch("/v2/devices/" + deviceId + "/config", tenant.adminToken(),
                body("window_seconds", 8, "method", "pos", "input", "trace")), 200);
        assertThat(configured.json().path("config").path("window_seconds").asInt()).isEqualTo(8);
        assertThat(configured.json().path("config").path("method").asString()).isEqualTo("pos");

        var started = expect(api.postEmpty("/v2/devices/" + deviceId + "/stream/start", tenant.apiKey()), 201);
        assertThat(started.text("status")).isEqualTo("streaming");
        assertThat(started.text("stream_id")).startsWith("str_");
        assertThat(started.text("session_id")).startsWith("sess_");
        assertThat(started.json().path("websocket").path("url").asString()).isEqualTo("ws://localhost:" + port + "/v2/ws");
        assertThat(started.json().path("websocket").path("topic").asString()).isEqualTo("vitals");

        var device = expect(api.get("/v2/devices/" + deviceId, tenant.memberToken()), 200);
        assertThat(device.text("status")).isEqualTo("streaming");
        assertThat(device.text("stream_id")).isEqualTo(started.text("stream_id"));
        assertThat(device.text("last_seen")).isNotBlank();

        var busy = expect(api.postEmpty("/v2/devices/" + deviceId + "/stream/start", tenant.memberToken()), 409);
        assertThat(busy.json().path("error").path("code").asString()).isEqualTo("DEVICE_BUSY");

        // A session that is streaming reads as processing on the v1 API.
        var v1 = expect(api.get("/api/v1/scan-session/" + started.text("session_id") + "/vitals", tenant.apiKey()), 200);
        assertThat(v1.text("status")).isEqualTo("processing");

        // Stopped without a single sample: the scan fails, as a video without face time does, with its reason.
        var stopped = expect(api.postEmpty("/v2/devices/" + deviceId + "/stream/stop", tenant.apiKey()), 200);
        assertThat(stopped.text("status")).isEqualTo("failed");
        assertThat(stopped.text("error_code")).isEqualTo("UNREADABLE_VIDEO");
        assertThat(expect(api.get("/api/v1/scan-session/" + started.text("session_id") + "/vitals", tenant.apiKey()),
                200).text("status")).isEqualTo("failed");
        assertThat(expect(api.get("/v2/devices/" + deviceId, tenant.apiKey()), 200).text("status")).isEqualTo("idle");

        var again = expect(api.postEmpty("/v2/devices/" + deviceId + "/stream/stop", tenant.apiKey()), 409);
        assertThat(again.json().path("error").path("code").asString()).isEqualTo("STREAM_UNAVAILABLE");
    }

    @Test
    void everyRefusalAnswersItsCodeInTheV2Envelope() {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var deviceId = expect(api.post("/v2/devices", tenant.adminToken(), body("name", "App", "type", "app")), 201)
                .text("device_id");

        var missing = expect(api.get("/v2/devices/dev_0000000000000000", tenant.apiKey()), 404);
        var error = missing.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(error.path("details").path("resource_type").asString()).isEqualTo("device");
        assertThat(error.path("details").path("available_devices").get(0).asString()).isEqualTo(deviceId);
        assertThat(error.path("request_id").asString()).isNotBlank();

        // Another tenant's device does not exist for the caller.
        var foreign = expect(api.postEmpty("/v2/devices/" + deviceId + "/stream/start", other.apiKey()), 404);
        assertThat(foreign.json().path("error").path("code").asString()).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(foreign.json().path("error").path("details").path("available_devices").isEmpty()).isTrue();

        var invalid = expect(api.patch("/v2/devices/" + deviceId + "/config", tenant.adminToken(),
                body("fps", 500, "window_seconds", 2, "method", "magic")), 422);
        assertThat(invalid.json().path("error").path("code").asString()).isEqualTo("INVALID_CONFIGURATION");
        var fields = invalid.json().path("error").path("details").path("fields");
        assertThat(fields.has("fps")).isTrue();
        assertThat(fields.has("window_seconds")).isTrue();
        assertThat(fields.has("method")).isTrue();

        var byMember = expect(api.post("/v2/devices", tenant.memberToken(), body("name", "x", "type", "app")), 403);
        assertThat(byMember.json().path("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        var byKey = expect(api.patch("/v2/devices/" + deviceId + "/config", tenant.apiKey(), body("fps", 30)), 403);
        assertThat(byKey.json().path("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        var badType = expect(api.post("/v2/devices", tenant.adminToken(), body("name", "x", "type", "toaster")), 400);
        assertThat(badType.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");

        var unknownStream = expect(api.postEmpty("/v2/streams/str_00000000000000000000/stop", tenant.apiKey()), 409);
        assertThat(unknownStream.json().path("error").path("code").asString()).isEqualTo("STREAM_UNAVAILABLE");
        var anonymous = expect(api.postEmpty("/v2/streams", null), 401);
        assertThat(anonymous.json().path("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aStreamSpendsOneScanOfThePlanAndIsRefusedWhenNoneIsLeft() {
        var tenant = api.createTenant(1);
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        assertThat(started.json().path("device_id").isNull()).isTrue();

        var refused = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 402);
        assertThat(refused.json().path("error").path("code").asString()).isEqualTo("NO_SCANS_AVAILABLE");

        expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop", tenant.apiKey()), 200);
    }
}
