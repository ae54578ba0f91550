package io.rppg.adapter.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.v1.LiveInput;
import io.rppg.adapter.grpc.v1.LiveServiceGrpc;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.StartStreamRequest;
import io.rppg.adapter.grpc.v1.StopStreamRequest;
import io.rppg.adapter.grpc.v1.StreamRequest;
import io.rppg.adapter.grpc.v1.StreamStarted;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStart;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStop;
import io.rppg.application.port.in.LiveStreamUseCase.Subscribing;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;

/** {@code rppg.v1.LiveService}: live streams started, stopped, followed and fed, as on the v2 REST routes and /ws. */
final class LiveGrpcService extends LiveServiceGrpc.LiveServiceImplBase {

    private final LiveStreamUseCase streams;
    private final GrpcProperties properties;

    LiveGrpcService(LiveStreamUseCase streams, GrpcProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @Override
    public void startStream(StartStreamRequest request, StreamObserver<StreamStarted> responses) {
        Calls.unary(responses, () -> ScanMessages.started(start(GrpcCaller.current().scanTenant(), request)));
    }

    @Override
    public void stopStream(StopStreamRequest request, StreamObserver<ScanResult> responses) {
        Calls.unary(responses, () -> {
            var tenant = GrpcCaller.current().scanTenant();
            LiveStreamUseCase.StopTarget target = switch (request.getTargetCase()) {
                case STREAM_ID -> {
                    if (!StreamId.isWellFormed(request.getStreamId())) {
                        throw streamUnavailable("stream '" + printable(request.getStreamId()) + "'");
                    }
                    yield new LiveStreamUseCase.StopTarget.OfStream(new StreamId(request.getStreamId()));
                }
                case DEVICE_ID -> new LiveStreamUseCase.StopTarget.OfDevice(device(tenant, request.getDeviceId()));
                case TARGET_NOT_SET -> throw Refusals.invalid("name the stream_id or the device_id to stop");
            };
            return switch (streams.stop(tenant, target)) {
                case StreamStop.Stopped(var ended) -> ScanMessages.result(ended, Instant.now());
                case StreamStop.NotStreaming() -> throw streamUnavailable(request.getTargetCase()
                        == StopStreamRequest.TargetCase.STREAM_ID ? "stream '" + request.getStreamId() + "'"
                        : "device '" + request.getDeviceId() + "'");
                case StreamStop.DeviceNotFound(var available) -> throw deviceNotFound(request.getDeviceId(), available);
            };
        });
    }

    @Override
    public void streamVitals(StreamRequest request, StreamObserver<VitalsWindow> responses) {
        var outbox = new LiveOutbox((ServerCallStreamObserver<VitalsWindow>) responses,
                properties.maxWaitingMessages(), properties.subscriberPatience());
        try {
            var tenant = GrpcCaller.current().scanTenant();
            if (!ScanSessionId.isWellFormed(request.getSessionId())) {
                throw Refusals.sessionNotFound();
            }
            switch (streams.subscribe(tenant, new ScanSessionId(request.getSessionId()), outbox)) {
                case Subscribing.Subscribed(var subscription) -> outbox.feedsFrom(subscription);
                case Subscribing.SessionNotFound() -> throw Refusals.sessionNotFound();
            }
        } catch (RuntimeException e) {
            outbox.fail(Refusals.unexpected(e));
        }
    }

    @Override
    public StreamObserver<LiveInput> liveScan(StreamObserver<VitalsWindow> responses) {
        var outbox = new LiveOutbox((ServerCallStreamObserver<VitalsWindow>) responses,
                properties.maxWaitingMessages(), properties.subscriberPatience());
        return new LiveScanCall(this, streams, outbox, GrpcCaller.current(), properties.maxSamplesPerMessage());
    }

    /** Starts a stream on the named device, or on none when the request names none. */
    LiveStreamUseCase.Stream start(TenantId tenant, StartStreamRequest request) {
        var device = request.getDeviceId().isEmpty() ? null : device(tenant, request.getDeviceId());
        var caller = GrpcCaller.current();
        return switch (streams.start(new LiveStreamUseCase.StartCommand(tenant, caller.owner(), device))) {
            case StreamStart.Started(var stream) -> stream;
            case StreamStart.DeviceNotFound(var available) -> throw deviceNotFound(request.getDeviceId(), available);
            case StreamStart.DeviceBusy(var running) -> throw Refusals.of(Status.Code.FAILED_PRECONDITION,
                    "DEVICE_BUSY", "Device '" + request.getDeviceId() + "' is already streaming (stream "
                            + running.value() + ")");
            case StreamStart.Refused(var refusal) -> throw Refusals.notOpened(refusal, Instant.now());
        };
    }

    private DeviceId device(TenantId tenant, String deviceId) {
        if (!DeviceId.isWellFormed(deviceId)) {
            throw deviceNotFound(deviceId, List.of());
        }
        return new DeviceId(deviceId);
    }

    static StatusRuntimeException streamUnavailable(String what) {
        return Refusals.of(Status.Code.FAILED_PRECONDITION, "STREAM_UNAVAILABLE",
                "No stream is running on " + what + "; start streaming first");
    }

    private static StatusRuntimeException deviceNotFound(String deviceId, List<DeviceId> available) {
        return Refusals.of(Status.Code.NOT_FOUND, "DEVICE_NOT_FOUND", "Device with ID '" + printable(deviceId)
                + "' not found" + (available.isEmpty() ? "" : "; available: "
                + String.join(", ", available.stream().map(DeviceId::value).toList())));
    }

    /** An id from a request as it may be repeated in an answer: short, and only characters ids are made of. */
    static String printable(String text) {
        var cleaned = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() <= 80 ? cleaned : cleaned.substring(0, 80) + "...";
    }
}
