package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.CurateScansUseCase;
import io.rppg.application.port.in.CurateScansUseCase.Deletion;
import io.rppg.application.port.in.CurateScansUseCase.Tagging;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStart;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStop;
import io.rppg.application.port.in.ManageDevicesUseCase;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the REST API can do to scans and streams: open a scan, start and stop a stream, tag and delete a scan. */
@Controller
class ScanMutationController {

    /** Where a stream's trace samples go: the live WebSocket. */
    static final String LIVE_WEBSOCKET_PATH = "/ws";

    private final CreateScanSessionUseCase create;
    private final LiveStreamUseCase streams;
    private final ManageDevicesUseCase devices;
    private final GetScanSessionQuery oneSession;
    private final CurateScansUseCase curate;

    ScanMutationController(CreateScanSessionUseCase create, LiveStreamUseCase streams, ManageDevicesUseCase devices,
                           GetScanSessionQuery oneSession, CurateScansUseCase curate) {
        this.create = create;
        this.streams = streams;
        this.devices = devices;
        this.oneSession = oneSession;
        this.curate = curate;
    }

    @MutationMapping
    SessionNode createSession(GraphQLContext context) {
        var caller = GraphQlCaller.required(context);
        var tenant = GraphQlCaller.tenant(context);
        return switch (create.createScanSession(new CreateScanSessionUseCase.Command(tenant, caller.owner()))) {
            case SessionCreation.Created(var session) -> new SessionNode(session, Instant.now());
            case SessionCreation.NoScansAvailable refusal -> throw refused(refusal);
            case SessionCreation.TooManyOpenSessions refusal -> throw refused(refusal);
        };
    }

    @MutationMapping
    Map<String, Object> startStream(@Argument String deviceId, GraphQLContext context) {
        var caller = GraphQlCaller.required(context);
        var tenant = GraphQlCaller.tenant(context);
        DeviceId device = null;
        if (deviceId != null) {
            if (!DeviceId.isWellFormed(deviceId)) {
                throw GraphQlProblem.deviceNotFound(deviceId, deviceIds(tenant));
            }
            device = new DeviceId(deviceId);
        }
        return switch (streams.start(new LiveStreamUseCase.StartCommand(tenant, caller.owner(), device))) {
            case StreamStart.Started(var stream) -> stream(tenant, stream);
            case StreamStart.DeviceNotFound(var available) -> throw GraphQlProblem.deviceNotFound(deviceId,
                    available.stream().map(DeviceId::value).toList());
            case StreamStart.DeviceBusy(var running) -> throw GraphQlProblem.conflict("DEVICE_BUSY",
                    "Device '" + deviceId + "' is already streaming", Map.of("stream_id", running.value()));
            case StreamStart.Refused(var refusal) -> throw refused(refusal);
        };
    }

    @MutationMapping
    SessionNode stopStream(@Argument String streamId, @Argument String deviceId, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        if ((streamId == null) == (deviceId == null)) {
            throw GraphQlProblem.invalid("streamId", "name the stream by streamId or by deviceId, one of them");
        }
        LiveStreamUseCase.StopTarget target;
        if (streamId != null) {
            if (!StreamId.isWellFormed(streamId)) {
                throw streamUnavailable("stream '" + GraphQlProblem.printable(streamId) + "'");
            }
            target = new LiveStreamUseCase.StopTarget.OfStream(new StreamId(streamId));
        } else {
            if (!DeviceId.isWellFormed(deviceId)) {
                throw GraphQlProblem.deviceNotFound(deviceId, deviceIds(tenant));
            }
            target = new LiveStreamUseCase.StopTarget.OfDevice(new DeviceId(deviceId));
        }
        return switch (streams.stop(tenant, target)) {
            case StreamStop.Stopped(var ended) -> new SessionNode(ended, Instant.now());
            case StreamStop.NotStreaming() -> throw streamUnavailable(streamId != null
                    ? "stream '" + streamId + "'" : "device '" + deviceId + "'");
            case StreamStop.DeviceNotFound(var available) -> throw GraphQlProblem.deviceNotFound(deviceId,
                    available.stream().map(DeviceId::value).toList());
        };
    }

    @MutationMapping
    SessionNode tagSession(@Argument String id, @Argument List<String> add, @Argument List<String> remove,
                           GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        if (!ScanSessionId.isWellFormed(id)) {
            throw GraphQlProblem.sessionNotFound(id);
        }
        var session = new ScanSessionId(id);
        return switch (curate.retag(tenant, session, add == null ? null : new HashSet<>(add),
                remove == null ? null : new HashSet<>(remove))) {
            case Tagging.Tagged tagged -> oneSession.getScanSession(tenant, session)
                    .map(scan -> new SessionNode(scan, Instant.now()))
                    .orElseThrow(() -> GraphQlProblem.sessionNotFound(id));
            case Tagging.SessionNotFound() -> throw GraphQlProblem.sessionNotFound(id);
            case Tagging.Invalid(var detail) -> throw GraphQlProblem.invalid("add", detail);
        };
    }

    @MutationMapping
    Map<String, Object> deleteSession(@Argument String id, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        if (!ScanSessionId.isWellFormed(id)) {
            throw GraphQlProblem.sessionNotFound(id);
        }
        return switch (curate.delete(tenant, new ScanSessionId(id))) {
            case Deletion.Deleted(var videoDeleted) -> Map.of("id", id, "videoDeleted", videoDeleted);
            case Deletion.SessionNotFound() -> throw GraphQlProblem.sessionNotFound(id);
            case Deletion.StillProcessing() -> throw GraphQlProblem.conflict("SESSION_PROCESSING",
                    "The session is still processing: stop its stream or wait for its result first", Map.of());
        };
    }

    private Map<String, Object> stream(TenantId tenant, LiveStreamUseCase.Stream stream) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", stream.id().value());
        body.put("session", oneSession.getScanSession(tenant, stream.session())
                .map(scan -> new SessionNode(scan, Instant.now())).orElseThrow());
        body.put("device", stream.device() == null ? null
                : devices.find(tenant, stream.device()).map(DeviceNode::new).orElse(null));
        body.put("startedAt", stream.startedAt().toString());
        body.put("config", DeviceNode.config(stream.config()));
        body.put("websocketPath", LIVE_WEBSOCKET_PATH);
        return body;
    }

    private List<String> deviceIds(TenantId tenant) {
        return devices.list(tenant).stream().map(Device::id).map(DeviceId::value).toList();
    }

    private static GraphQlProblem streamUnavailable(String what) {
        return GraphQlProblem.conflict("STREAM_UNAVAILABLE", "No stream is running on " + what
                + "; start streaming first", Map.of());
    }

    private static GraphQlProblem refused(SessionCreation refusal) {
        return switch (refusal) {
            case SessionCreation.NoScansAvailable(var monthlyScans, var renewsAt) -> new GraphQlProblem(
                    "NO_SCANS_AVAILABLE", "No scans available!", ErrorType.FORBIDDEN,
                    Map.of("monthly_scans", monthlyScans, "renews_at", renewsAt.toString()));
            case SessionCreation.TooManyOpenSessions(var max) -> new GraphQlProblem("TOO_MANY_OPEN_SESSIONS",
                    "This caller already holds " + max + " open sessions", ErrorType.BAD_REQUEST,
                    Map.of("max_open_sessions", max));
            case SessionCreation.Created created -> throw new IllegalStateException("a created session is no refusal");
        };
    }
}
