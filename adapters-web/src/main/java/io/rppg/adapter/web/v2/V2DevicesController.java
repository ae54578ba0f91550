package io.rppg.adapter.web.v2;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStart;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStop;
import io.rppg.application.port.in.ManageDevicesUseCase;
import io.rppg.application.port.in.ManageDevicesUseCase.Configuring;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capture devices on the v2 API: a tenant admin registers and configures them, and any caller of the tenant (a
 * member's token or an API key) lists them and starts and stops their streams.
 */
@RestController
class V2DevicesController {

    private final ManageDevicesUseCase devices;
    private final LiveStreamUseCase streams;

    V2DevicesController(ManageDevicesUseCase devices, LiveStreamUseCase streams) {
        this.devices = devices;
        this.streams = streams;
    }

    @PostMapping(value = {"/v2/devices", "/api/v2/devices"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@AuthenticationPrincipal Caller caller,
                                 @RequestBody(required = false) DeviceRequest request) {
        var tenant = LiveResources.tenantAdministeredBy(caller);
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw validation("name", "name is required, at most 100 characters");
        }
        var type = DeviceType.fromWire(request.type()).orElseThrow(() ->
                validation("type", "type must be one of kiosk, app, browser, camera"));
        var config = DeviceConfig.DEFAULT;
        if (request.config() != null) {
            config = switch (DeviceConfig.DEFAULT.apply(change(request.config()))) {
                case DeviceConfig.Outcome.Valid(var valid) -> valid;
                case DeviceConfig.Outcome.Invalid(var problems) -> throw invalidConfiguration(problems);
            };
        }
        return LiveResources.device(devices.register(
                new ManageDevicesUseCase.Registration(tenant, request.name().strip(), type, config)));
    }

    @GetMapping(value = {"/v2/devices", "/api/v2/devices"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@AuthenticationPrincipal Caller caller) {
        var listed = devices.list(LiveResources.tenantOf(caller)).stream().map(LiveResources::device).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("devices", listed);
        body.put("total", listed.size());
        return body;
    }

    @GetMapping(value = {"/v2/devices/{deviceId}", "/api/v2/devices/{deviceId}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@AuthenticationPrincipal Caller caller, @PathVariable String deviceId) {
        var tenant = LiveResources.tenantOf(caller);
        return LiveResources.device(find(tenant, deviceId));
    }

    @PatchMapping(value = {"/v2/devices/{deviceId}/config", "/api/v2/devices/{deviceId}/config"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> configure(@AuthenticationPrincipal Caller caller, @PathVariable String deviceId,
                                  @RequestBody(required = false) ConfigRequest request) {
        var tenant = LiveResources.tenantAdministeredBy(caller);
        if (request == null) {
            throw validation("body", "a JSON object with the settings to change is required");
        }
        var id = idOf(tenant, deviceId);
        return switch (devices.configure(tenant, id, change(request))) {
            case Configuring.Configured(var device) -> LiveResources.device(device);
            case Configuring.Invalid(var problems) -> throw invalidConfiguration(problems);
            case Configuring.NotFound(var available) -> throw LiveResources.deviceNotFound(deviceId, available);
        };
    }

    @PostMapping(value = {"/v2/devices/{deviceId}/stream/start", "/api/v2/devices/{deviceId}/stream/start"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@AuthenticationPrincipal Caller caller, @PathVariable String deviceId,
                              HttpServletRequest http) {
        var tenant = LiveResources.tenantOf(caller);
        var id = idOf(tenant, deviceId);
        return switch (streams.start(new LiveStreamUseCase.StartCommand(tenant, caller.owner(), id))) {
            case StreamStart.Started(var stream) -> LiveResources.started(stream, http);
            case StreamStart.DeviceNotFound(var available) -> throw LiveResources.deviceNotFound(deviceId, available);
            case StreamStart.DeviceBusy(var running) -> throw new ApiException(ApiError.of(HttpStatus.CONFLICT,
                            "DEVICE_BUSY", "Device '" + deviceId + "' is already streaming; stop its stream first")
                    .withDetail("stream_id", running.value()));
            case StreamStart.Refused(var refusal) -> throw LiveResources.refused(refusal);
        };
    }

    @PostMapping(value = {"/v2/devices/{deviceId}/stream/stop", "/api/v2/devices/{deviceId}/stream/stop"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> stop(@AuthenticationPrincipal Caller caller, @PathVariable String deviceId) {
        var tenant = LiveResources.tenantOf(caller);
        var id = idOf(tenant, deviceId);
        return switch (streams.stop(tenant, new LiveStreamUseCase.StopTarget.OfDevice(id))) {
            case StreamStop.Stopped(var ended) -> LiveResources.ended(ended);
            case StreamStop.NotStreaming() -> throw LiveResources.streamUnavailable("device '" + deviceId + "'");
            case StreamStop.DeviceNotFound(var available) -> throw LiveResources.deviceNotFound(deviceId, available);
        };
    }

    private Device find(TenantId tenant, String deviceId) {
        return devices.find(tenant, idOf(tenant, deviceId)).orElseThrow(() -> LiveResources.deviceNotFound(deviceId,
                devices.list(tenant).stream().map(Device::id).toList()));
    }

    /** A malformed id names no device: answered as a missing one, with the tenant's devices. */
    private DeviceId idOf(TenantId tenant, String deviceId) {
        if (!DeviceId.isWellFormed(deviceId)) {
            throw LiveResources.deviceNotFound(deviceId, devices.list(tenant).stream().map(Device::id).toList());
        }
        return new DeviceId(deviceId);
    }

    private static DeviceConfig.Change change(ConfigRequest request) {
        LiveInput input = null;
        if (request.input() != null) {
            input = LiveInput.fromWire(request.input()).orElseThrow(() ->
                    invalidConfiguration(Map.of("input", "must be media or trace")));
        }
        return new DeviceConfig.Change(request.fps(), request.maxSeconds(), request.windowSeconds(),
                request.method(), input);
    }

    private static ApiException invalidConfiguration(Map<String, String> problems) {
        var first = problems.entrySet().iterator().next();
        return new ApiException(ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CONFIGURATION",
                        "Device configuration is invalid: " + first.getKey() + " " + first.getValue())
                .withDetail("fields", problems));
    }

    private static ApiException validation(String field, String message) {
        return new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message)
                .withDetail("field", field));
    }

    record DeviceRequest(String name, String type, ConfigRequest config) {
    }

    record ConfigRequest(Integer fps, Integer maxSeconds, Integer windowSeconds, String method, String input) {
    }
}
